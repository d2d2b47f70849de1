namespace Genrify.Cluster.Jobs;

/// <summary>
/// A job as submitted: which songs, what to compute and where to write it. Paths must name the same files on every
/// silo (a shared or network file system, or one machine).
/// </summary>
/// <param name="Kind">Features or predictions.</param>
/// <param name="Source">The collection: a folder per genre, a folder holding <c>manifest.csv</c>, or a manifest CSV.</param>
/// <param name="Preset">The feature preset (extract jobs).</param>
/// <param name="Model">The model file (predict jobs).</param>
/// <param name="Store">The folder that receives one part file per work item.</param>
/// <param name="Items">How many work items (shards) the collection is split into.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterJobSpec(
    [property: Id(0)] ClusterJobKind Kind,
    [property: Id(1)] string Source,
    [property: Id(2)] string? Preset,
    [property: Id(3)] string? Model,
    [property: Id(4)] string Store,
    [property: Id(5)] int Items)
{
    /// <summary>
    /// A job id that names this job wherever it is submitted from: the same spec gives the same id, so submitting a job
    /// again joins the running (or finished) one instead of starting another.
    /// </summary>
    public string DefaultJobId()
    {
        var text = string.Join('\n', Kind, Path.GetFullPath(Source), Preset ?? "", Model is null ? "" : Path.GetFullPath(Model), Path.GetFullPath(Store), Items);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return $"{Kind.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(hash)[..16]}";
    }
}
