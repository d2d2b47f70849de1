namespace Genrify.Cluster.Grains;

/// <summary>The job board's persisted state.</summary>
[GenerateSerializer]
public sealed class JobBoardState
{
    /// <summary>Ids of the jobs with work left, in the order they were submitted.</summary>
    [Id(0)] public List<string> Jobs { get; set; } = [];
}
