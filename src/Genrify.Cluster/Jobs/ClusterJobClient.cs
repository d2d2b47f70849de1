using Genrify.Cluster.Grains;

namespace Genrify.Cluster.Jobs;

/// <summary>
/// Submits a job to a cluster and follows it to its end, riding out the moments when its grain moves (a silo died):
/// the job runs on the silos, so a client that stops watching loses nothing, and submitting the same job again joins it.
/// </summary>
public sealed class ClusterJobClient(IGrainFactory grains)
{
    /// <summary>How often progress is read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the job may be unreachable (its grain moving after a silo died) before the wait gives up.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Submits <paramref name="spec"/> as job <paramref name="jobId"/> (or joins it) and returns its progress.</summary>
    /// <exception cref="ArgumentException">A job of that id exists with another spec.</exception>
    public Task<JobProgress> SubmitAsync(string jobId, ClusterJobSpec spec) =>
        Retrying(() => grains.GetGrain<IClusterJobGrain>(jobId).Submit(spec), CancellationToken.None);

    /// <summary>Reports the job's progress every <see cref="PollInterval"/> until it is over (finished or stopped by an
    /// error), and returns its last progress.</summary>
    /// <exception cref="InvalidOperationException">No job of that id was submitted.</exception>
    /// <exception cref="TimeoutException">The job stayed unreachable for <see cref="Patience"/>.</exception>
    public async Task<JobProgress> WaitAsync(string jobId, IProgress<JobProgress>? progress = null, CancellationToken cancel = default)
    {
        var job = grains.GetGrain<IClusterJobGrain>(jobId);
        while (true)
        {
            var now = await Retrying(job.Progress, cancel) ?? throw new InvalidOperationException($"no job {jobId} in this cluster");
            progress?.Report(now);
            if (now.IsOver) return now;
            await Task.Delay(PollInterval, cancel);
        }
    }

    private async Task<T> Retrying<T>(Func<Task<T>> call, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancel);
            }
        }
    }
}
