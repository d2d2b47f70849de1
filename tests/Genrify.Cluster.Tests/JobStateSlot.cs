using System.Diagnostics.CodeAnalysis;
using Genrify.Cluster.Grains;

namespace Genrify.Cluster.Tests;

/// <summary>A job state as a grain holds it for its storage provider: the state, its version and whether it is stored.</summary>
internal sealed class JobStateSlot(ClusterJobState? state = null) : IGrainState<ClusterJobState>
{
    private ClusterJobState _state = state ?? new ClusterJobState();

    // Orleans lets a provider set no state; a fresh one stands for it, as a grain sees it.
    [AllowNull]
    public ClusterJobState State { get => _state; set => _state = value ?? new ClusterJobState(); }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
