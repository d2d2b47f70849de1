namespace Genrify.Cluster.Grains;

/// <summary>
/// The one list of jobs that have work left (key 0), which every silo's workers read to find work. Persisted, so the
/// list survives the silo that held it.
/// </summary>
public interface IJobBoardGrain : IGrainWithIntegerKey
{
    /// <summary>The board's key.</summary>
    public const long Key = 0;

    /// <summary>Lists a job.</summary>
    Task Add(string jobId);

    /// <summary>Takes a finished or failed job off the list.</summary>
    Task Remove(string jobId);

    /// <summary>The jobs with work left, oldest first.</summary>
    Task<IReadOnlyList<string>> Active();
}
