using Genrify.Cluster.Grains;
using Genrify.Cluster.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Genrify.Cluster.Workers;

/// <summary>
/// A silo's workers: <see cref="WorkerOptions.Slots"/> loops that each lease an item of a listed job, do it on a
/// thread of their own, renew the lease meanwhile and report the item done. When the silo stops they give their items
/// back; when it dies, the job grain takes them back.
/// </summary>
internal sealed partial class ClusterWorker(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<WorkerOptions> options,
    WorkItemRunner runner,
    ILogger<ClusterWorker> log) : BackgroundService
{
    private readonly WorkerOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Slots).Select(slot => SlotLoop(new WorkerId(silo.SiloAddress, slot), stoppingToken)));

    private async Task SlotLoop(WorkerId worker, CancellationToken stopping)
    {
        var board = grains.GetGrain<IJobBoardGrain>(IJobBoardGrain.Key);
        int turn = worker.Slot;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var jobs = await board.Active();
                if (worker.Slot == 0) runner.Keep(jobs.ToHashSet(StringComparer.Ordinal));
                WorkItem? item = null;
                // Start at a different job each turn, so several jobs share the workers.
                for (int j = 0; j < jobs.Count && item is null; j++)
                    item = await grains.GetGrain<IClusterJobGrain>(jobs[(turn + j) % jobs.Count]).Lease(worker);
                turn++;
                if (item is null)
                {
                    await Task.Delay(_options.IdlePoll, stopping);
                    continue;
                }
                // From item to item of one job with one round trip each (report this one, lease the next).
                while (item is not null) item = await Work(worker, item, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The cluster is reorganising (a silo died and its grains move): ask again shortly.
                LogClusterUnavailable(log, worker.ToString(), e.Message);
                await Task.Delay(_options.IdlePoll, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    // Does the item and reports it; returns the job's next item for this worker, or null.
    private async Task<WorkItem?> Work(WorkerId worker, WorkItem item, CancellationToken stopping)
    {
        var job = grains.GetGrain<IClusterJobGrain>(item.JobId);
        using var itemCancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        ItemOutcome outcome;
        using (Heartbeat(job, worker, item.Index, itemCancel))
        {
            try
            {
                outcome = await Task.Factory.StartNew(() => runner.Run(item, itemCancel.Token), itemCancel.Token,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                if (stopping.IsCancellationRequested) await GiveBack(job, worker, item.Index);
                return null; // else: the lease went to another worker, which does the item
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
                                          or Features.PresetUnavailableException or Data.FeatureTableException or Learning.ModelFileException)
            {
                LogItemFailed(log, item.JobId, item.Index, e.Message);
                await job.Fail(worker, item.Index, e.Message);
                return null;
            }
        }
        return await Report(job, worker, outcome, stopping);
    }

    // The part is written: tell the job and take its next item, riding out a grain that is moving to another silo.
    // Should every attempt fail, nothing is lost: the item is handed out again and its next holder finds the part and
    // reports it.
    private async Task<WorkItem?> Report(IClusterJobGrain job, WorkerId worker, ItemOutcome outcome, CancellationToken stopping)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (!stopping.IsCancellationRequested) return await job.CompleteAndLease(worker, outcome);
                await job.Complete(worker, outcome); // the silo is stopping: take nothing more
                return null;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && attempt < 5)
            {
                await Task.Delay(_options.IdlePoll * attempt, stopping);
            }
        }
    }

    private static async Task GiveBack(IClusterJobGrain job, WorkerId worker, int index)
    {
        try { await job.Release(worker, index); }
        catch (Exception e) when (e is OrleansException or TimeoutException) { } // the lease expires on its own
    }

    // Renews the lease every quarter of its term until disposed; when the job says the item is no longer ours, cancels it.
    private IDisposable Heartbeat(IClusterJobGrain job, WorkerId worker, int index, CancellationTokenSource itemCancel)
    {
        var period = _options.LeaseDuration / 4;
        return new Timer(async _ =>
        {
            try
            {
                if (!await job.Renew(worker, index)) await itemCancel.CancelAsync();
            }
            catch (ObjectDisposedException) { }
            catch (Exception e) when (e is OrleansException or TimeoutException) { } // try again at the next beat
        }, null, period, period);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: cluster unavailable ({Reason}); retrying")]
    private static partial void LogClusterUnavailable(ILogger logger, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {Job} item {Index} failed: {Reason}")]
    private static partial void LogItemFailed(ILogger logger, string job, int index, string reason);
}
