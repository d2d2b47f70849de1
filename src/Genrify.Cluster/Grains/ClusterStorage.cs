namespace Genrify.Cluster.Grains;

/// <summary>The name of the grain storage that holds job state (a folder on one machine, Redis across machines).</summary>
public static class ClusterStorage
{
    /// <summary>The storage provider's name.</summary>
    public const string Name = "genrify-jobs";
}
