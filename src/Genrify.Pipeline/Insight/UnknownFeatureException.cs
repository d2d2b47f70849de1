namespace Genrify.Pipeline.Insight;

/// <summary>A feature was named that a table cannot give; the message names it and the columns the table has.</summary>
public sealed class UnknownFeatureException(string message) : ArgumentException(message);
