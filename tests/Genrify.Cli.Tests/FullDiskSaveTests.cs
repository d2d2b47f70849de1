using System.Diagnostics;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// Writing when the disk fills up half-way. A real `genrify` process runs under a file size limit (<c>ulimit -f</c>,
/// which needs no root): the kernel stops its write at the limit and either kills it (SIGXFSZ), as a crash mid-write
/// would, or, with the signal ignored, fails the write (EFBIG), as a full disk would.
/// </summary>
public class FullDiskSaveTests
{
    private static readonly string Table = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");

    [Fact]
    public void Train_killed_by_a_full_disk_over_an_existing_model_keeps_the_old_model_and_the_next_save_sweeps_the_leftover()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("models/m.json");
        var first = CliRun.Of(PresetRegistry.Default, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = File.ReadAllBytes(model);
        Assert.True(before.Length > 16 << 10); // larger than the limit below

        var (exit, _) = RunLimited(8, ignoreSignal: false, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);

        Assert.NotEqual(0, exit); // killed at the limit
        Assert.Equal(before, File.ReadAllBytes(model)); // the old model, whole
        var leftover = Assert.Single(Directory.GetFiles(temp.PathOf("models"), "m.json.tmp-*"));

        // The writer of that file is gone: the next save of the same model removes it.
        var again = CliRun.Of(PresetRegistry.Default, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(File.Exists(leftover));
        Assert.Equal(["m.json"], Directory.GetFiles(temp.PathOf("models")).Select(Path.GetFileName));
    }

    [Fact]
    public void Train_refused_by_a_full_disk_says_so_in_one_line_and_keeps_the_old_model()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("m.json");
        var first = CliRun.Of(PresetRegistry.Default, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = File.ReadAllBytes(model);

        var (exit, errorLines) = RunLimited(8, ignoreSignal: true, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);

        Assert.Equal(1, exit);
        var line = Assert.Single(errorLines);
        Assert.Contains("m.json", line);
        Assert.Contains("file too large", line);
        Assert.Equal(before, File.ReadAllBytes(model));
        Assert.Equal(["m.json"], Directory.GetFiles(temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Extract_with_a_cache_that_hits_the_limit_warns_once_and_leaves_whole_records()
    {
        using var temp = new TempFolder();
        var collection = temp.PathOf("c");
        foreach (var clip in new[] { "blues.00099.mp3", "clip01_chord_tones.wav", "clip04_click_90.wav", "clip09_edm_128.wav",
                     "clip09_edm_128_f32.wav", "clip08_pink_am.wav", "classical.00000.wav", "classical.00001.wav" })
            temp.Copy(clip, $"c/g/{clip}");
        var cacheDir = temp.PathOf("cache");

        // 1 KiB: a handful of 'seed' records fit, then the cache's writes fail (the table does not fit either).
        var (_, errorLines) = RunLimited(1, ignoreSignal: true,
            "extract", collection, "--preset", "seed", "--out", temp.PathOf("t.csv"), "--cache-dir", cacheDir, "--jobs", "1");

        Assert.DoesNotContain(errorLines, l => l.Contains("skipped", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal));
        var warning = Assert.Single(errorLines, l => l.Contains("cache", StringComparison.Ordinal));
        Assert.Contains(".features: cannot write (file too large", warning);
        using var cache = Genrify.Features.Caching.FeatureCache.Open(cacheDir, PresetRegistry.Default.Get("seed"));
        Assert.Null(cache.Notice); // the record cut short by the limit was removed again
        Assert.InRange(cache.Count, 1, 7);
    }

    // Runs genrify in a child process whose files may not grow past `kib` KiB. W^X is off so that the runtime's own
    // double-mapped memory file is not limited.
    private static (int Exit, string[] ErrorLines) RunLimited(int kib, bool ignoreSignal, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{(ignoreSignal ? "trap '' XFSZ; " : "")}ulimit -f {kib}; exec dotnet \"$@\"");
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(typeof(Genrify.Cli.Program).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "genrify under a file size limit did not finish");
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.EndsWith(" files", StringComparison.Ordinal)).ToArray()); // progress lines
    }
}
