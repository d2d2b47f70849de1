namespace Genrify.Features.Collections;

/// <summary>An input that produced no row, and why.</summary>
/// <param name="File">The file (or manifest row) as the user named it.</param>
/// <param name="Reason">One line, without the file name.</param>
public sealed record SkippedFile(string File, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Reason}";
}
