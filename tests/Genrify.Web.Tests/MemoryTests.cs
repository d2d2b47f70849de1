using Genrify.Features;

namespace Genrify.Web.Tests;

/// <summary>Alone, so that no other test's allocations blur what the heap holds.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>Memory given back after an analysis (<see cref="HeapTrimmer"/>), and the start-up warnings of <see cref="ResourceBudget"/>.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    private const long MiB = 1024 * 1024;

    [Trait("Category", "Slow")]
    [Fact]
    public async Task After_a_large_analysis_the_idle_server_gives_its_heap_back()
    {
        var gate = new DecodeGate(1, 0);
        var trimmer = new HeapTrimmer(gate, floorBytes: 0);
        // What a long song's analysis leaves: hundreds of MB of large arrays, all garbage once it ends. An ordinary
        // collection frees them but keeps most of their pages committed for the next allocations.
        Churn(600 * MiB);
        GC.Collect();
        long before = GC.GetGCMemoryInfo().TotalCommittedBytes;

        var slot = await gate.TryEnterAsync(CancellationToken.None);
        trimmer.AfterAnalysis(); // another analysis runs: no trim
        await Task.Delay(200);
        Assert.Equal(0, trimmer.Trims);
        slot!.Dispose();

        trimmer.AfterAnalysis();
        for (int i = 0; i < 100 && trimmer.Trims == 0; i++) await Task.Delay(50);
        Assert.Equal(1, trimmer.Trims);
        long after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(before - after > 200 * MiB, $"committed {before / MiB} MB before the trim, {after / MiB} MB after");
    }

    [Fact]
    public void Below_its_floor_the_trimmer_does_nothing()
    {
        var trimmer = new HeapTrimmer(new DecodeGate(1, 0), floorBytes: long.MaxValue);
        trimmer.AfterAnalysis();
        Thread.Sleep(100);
        Assert.Equal(0, trimmer.Trims);
    }

    [Fact]
    public void Limits_the_machine_cannot_afford_are_warned_about()
    {
        var options = new WebOptions { MaxConcurrentDecodes = 8, QueueLength = 16, MaxUploadBytes = 50 * MiB };
        Assert.Empty(ResourceBudget.Warnings(options, availableMemoryBytes: 64L * 1024 * MiB, freeDiskBytes: 100L * 1024 * MiB));

        var warnings = ResourceBudget.Warnings(options, availableMemoryBytes: 4L * 1024 * MiB, freeDiskBytes: 500 * MiB);
        Assert.Equal(2, warnings.Count);
        Assert.Contains("--concurrency 8", warnings[0]);
        Assert.Contains("lower --concurrency to 4", warnings[0]); // (4 GB - idle) / 878 MB per song over the 300 s window
        Assert.Contains("lower --concurrency to 2", ResourceBudget.Warnings(options with { Window = ClipWindow.OfSeconds(600) },
            availableMemoryBytes: 4L * 1024 * MiB, freeDiskBytes: 500 * MiB)[0]); // 1.63 GB per 10-minute song
        Assert.Contains("24 uploads", warnings[1]);
        Assert.Equal(24 * (50 * MiB + UploadReceiver.FormOverheadBytes), ResourceBudget.UploadDiskBytes(options));
    }

    [Fact]
    public async Task Serve_prints_the_warnings_at_start()
    {
        var errors = new StringWriter();
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var temp = Path.Combine(Path.GetTempPath(), "genrify-web-warn-" + Guid.NewGuid().ToString("N"));
        var options = new WebOptions { ModelPath = TrainedModel.Path, Port = 0, MaxConcurrentDecodes = 100_000, TempDirectory = temp };
        var running = WebHost.RunAsync(options, stop.Token, TextWriter.Synchronized(output), TextWriter.Synchronized(errors));
        for (int i = 0; i < 600 && !output.ToString().Contains("listening", StringComparison.Ordinal) && !running.IsCompleted; i++) await Task.Delay(100);
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("warning: --concurrency 100000 may need", errors.ToString());
        Assert.Contains("in the temp folder", errors.ToString());
        Assert.False(Directory.Exists(temp) && Directory.GetDirectories(temp).Length > 0, "the upload folder outlived the server");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Churn(long bytes)
    {
        var keep = new List<byte[]>();
        for (long done = 0; done < bytes; done += 16 * MiB)
        {
            var block = new byte[16 * MiB];
            block.AsSpan().Fill(1); // touched, so the pages are really there
            keep.Add(block);
        }
        GC.KeepAlive(keep);
    }
}
