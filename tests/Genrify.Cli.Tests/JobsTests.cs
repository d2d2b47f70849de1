using Genrify.Features.Tests.TestOnly;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary><c>--jobs</c>: at least 1 wherever it is taken, and never more workers than cores.</summary>
public class JobsTests
{
    [Fact]
    public void Extract_with_more_jobs_than_cores_uses_one_worker_per_core_and_says_so()
    {
        using var temp = new TempFolder();
        for (int i = 0; i < 12; i++) temp.Copy("clip01_chord_tones.wav", $"genres/tones/clip{i:00}.wav");
        var preset = new TestOnlyStatsPreset(holdMilliseconds: 100);

        var run = CliRun.Of(TestOnlyStatsPreset.Registry(preset), "extract", temp.PathOf("genres"), "-p", "test-stats",
            "-o", temp.PathOf("t.csv"), "--jobs", "10000", "--no-cache");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(12, preset.Calls);
        Assert.InRange(preset.MostAtOnce, 1, Environment.ProcessorCount); // it was one worker per clip: 12
        int cores = Environment.ProcessorCount;
        Assert.Contains($"genrify: warning: --jobs 10000 is more than the {cores} cores here; using {cores}", run.ErrorLines);
    }

    [Fact]
    public void Predict_with_more_jobs_than_cores_says_so()
    {
        var model = Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json");
        var run = CliRun.Of(PresetRegistry.Default, "predict", TestData.Audio("clip09_edm_128.wav"), "--model", model, "--jobs", "10000");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("genrify: warning: --jobs 10000 is more than the", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("extract", "0")]
    [InlineData("train", "0")]
    [InlineData("evaluate", "-3")]
    [InlineData("predict", "0")]
    public void Zero_or_negative_jobs_are_usage_errors(string command, string jobs)
    {
        using var temp = new TempFolder();
        string[] args = command switch
        {
            "extract" => ["extract", temp.GenreFolders(), "-p", "test-stats", "-o", temp.PathOf("t.csv")],
            "predict" => ["predict", TestData.Audio("clip09_edm_128.wav")],
            "train" => ["train", Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"), "--model", "logreg", "--cv", "0", "--out", temp.PathOf("m.json")],
            _ => [command, Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"), "--model", "logreg"],
        };
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), [.. args, "--jobs", jobs]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: --jobs must be at least 1 (got {jobs})", run.ErrorLines[0]);
        Assert.False(File.Exists(temp.PathOf("m.json")));
    }
}
