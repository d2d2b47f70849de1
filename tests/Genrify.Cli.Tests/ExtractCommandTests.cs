using Genrify.Features.Tests.TestOnly;
using Genrify.Tests.Shared;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Caching;

namespace Genrify.Cli.Tests;

public class ExtractCommandTests
{
    [Theory]
    [InlineData("out/table.csv")]
    [InlineData("out/table.parquet")]
    public void Extracts_a_folder_collection_into_a_table_and_lists_skipped_files(string output)
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        var outPath = temp.PathOf(output);
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", root, "--preset", "test-stats", "--out", outPath, "--jobs", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped 2 file(s):", run.Out);
        Assert.Contains("  blues/empty.wav: ", run.Out);
        Assert.Contains("  tones/text_renamed.mp3: ", run.Out);
        Assert.Contains($"wrote 4 rows x 4 features to {outPath} (4 extracted, 0 from cache, 2 skipped", run.Out);
        Assert.Contains("genrify: 6/6 files", run.Error); // plain progress when not on a terminal

        var table = FeatureTable.Load(outPath);
        Assert.Equal(["blues", "electronic", "electronic", "tones"], table.Rows.Select(r => r.Label));
        Assert.Equal(["mean", "rms", "peak", "samples"], table.FeatureNames);
        var clip09 = table.Rows.Single(r => r.File == "electronic/clip09_edm_128.wav");
        Assert.Equal(new TestOnlyStatsPreset().Extract(ClipDecoder.Decode(temp.PathOf("genres/electronic/clip09_edm_128.wav"), 22050).Samples), clip09.Values);
        Assert.Single(Directory.GetFiles(temp.PathOf("out/" + FeatureCache.DirectoryName), "*.features"));
    }

    [Fact]
    public void A_second_run_uses_the_cache_unless_told_not_to()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        var outPath = temp.PathOf("t.csv");
        var preset = new TestOnlyStatsPreset();
        var registry = TestOnlyStatsPreset.Registry(preset);
        CliRun.Of(registry, "extract", root, "-p", "test-stats", "-o", outPath);
        int calls = preset.Calls;
        var firstTable = File.ReadAllText(outPath);

        var cached = CliRun.Of(registry, "extract", root, "-p", "test-stats", "-o", outPath);
        Assert.Equal(0, cached.ExitCode);
        Assert.Contains("(0 extracted, 4 from cache, 2 skipped", cached.Out);
        Assert.Equal(calls, preset.Calls);
        Assert.Equal(firstTable, File.ReadAllText(outPath));

        var uncached = CliRun.Of(registry, "extract", root, "-p", "test-stats", "-o", temp.PathOf("elsewhere/t.csv"), "--no-cache");
        Assert.Contains("(4 extracted, 0 from cache", uncached.Out);
        Assert.False(Directory.Exists(temp.PathOf("elsewhere/" + FeatureCache.DirectoryName)));
    }

    [Fact]
    public void A_manifest_collection_keeps_genres_artist_and_fold()
    {
        using var temp = new TempFolder();
        temp.Copy("clip09_edm_128.wav", "m/a.wav");
        temp.Copy("clip01_chord_tones.wav", "m/b.wav");
        var manifest = temp.Write("m/manifest.csv",
            "id,genre,track_name,artist,artist_uri,album,release_date,preview_url,location,fold\n" +
            "a,edm,A,Ann,u1,X,2020,p1,a.wav,1\n" +
            "b,ambient,B,Bob,u2,Y,2021,p2,b.wav,0\n" +
            "a,house,A,Ann,u1,X,2020,p1,a.wav,1\n" +
            "c,rock,C,Cy,u3,Z,2022,p3,gone.wav,2\n");
        var outPath = temp.PathOf("m/out.csv");
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", manifest, "-p", "test-stats", "-o", outPath, "--no-cache");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  gone.wav (id c): file not found", run.Out);
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("id,file,label,genres,artist,fold,mean,rms,peak,samples", lines[0]);
        Assert.StartsWith("a,a.wav,edm,edm;house,Ann,1,", lines[1]);
        Assert.StartsWith("b,b.wav,ambient,ambient,Bob,0,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Nothing_extracted_is_a_failure_and_writes_no_table()
    {
        using var temp = new TempFolder();
        temp.Copy("bad/text_renamed.mp3", "c/x/bad.mp3");
        var outPath = temp.PathOf("t.csv");
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", temp.PathOf("c"), "-p", "test-stats", "-o", outPath, "--no-cache");
        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        Assert.Contains("no file produced features", run.Error);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("t.xlsx", "test-stats", "2", "unknown table format")]
    [InlineData("t.csv", "nope", "2", "unknown preset 'nope'")]
    [InlineData("t.csv", "test-stats", "0", "--jobs must be at least 1")]
    public void Bad_arguments_are_usage_errors(string output, string preset, string jobs, string message)
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", root, "-p", preset, "-o", temp.PathOf(output), "-j", jobs);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void A_missing_collection_is_a_usage_error()
    {
        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", "/nonexistent/genres", "-p", "test-stats", "-o", "/tmp/x.csv");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("/nonexistent/genres: no such folder or manifest", run.Error);
    }
}
