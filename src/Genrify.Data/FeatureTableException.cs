namespace Genrify.Data;

/// <summary>
/// A feature table that cannot be used: the message is one line naming the file and the column or row at fault.
/// </summary>
public sealed class FeatureTableException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public FeatureTableException(string message, Exception? inner = null) : base(message, inner) { }
}
