namespace Genrify.Cluster.Workers;

/// <summary>How a silo's workers take work, and how long a lease lasts without news from its holder.</summary>
public sealed class WorkerOptions
{
    /// <summary>Work items processed at once on this silo: one per core it may use by default
    /// (<see cref="Environment.ProcessorCount"/>, which follows <c>taskset</c> and container limits); 0 takes no work.</summary>
    public int Slots { get; set; } = Environment.ProcessorCount;

    /// <summary>A lease not renewed for this long is taken back and handed to another worker (a hung worker, or a
    /// silo that died before the membership noticed). Workers renew every quarter of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an idle slot waits before asking for work again.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(500);
}
