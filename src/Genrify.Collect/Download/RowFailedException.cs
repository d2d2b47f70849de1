namespace Genrify.Collect.Download;

/// <summary>A download that failed for good (no retry can help): its reason and detail.</summary>
internal sealed class RowFailedException(string reason, string detail) : Exception($"{reason}: {detail}")
{
    public string Reason { get; } = reason;

    public string Detail { get; } = detail;
}
