using Genrify.Features.Sharding;

namespace Genrify.Cluster.Jobs;

/// <summary>One unit of a job handed to a worker: the songs of shard <see cref="Index"/> of the job's
/// <see cref="ClusterJobSpec.Items"/>, to be written as that shard's part file.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Spec">The job's spec (workers need nothing else).</param>
/// <param name="Index">The shard index, from 0 to <see cref="ClusterJobSpec.Items"/> − 1.</param>
[GenerateSerializer, Immutable]
public sealed record WorkItem([property: Id(0)] string JobId, [property: Id(1)] ClusterJobSpec Spec, [property: Id(2)] int Index)
{
    /// <summary>The shard this item stands for.</summary>
    public ShardSpec Shard => new(Index, Spec.Items);
}
