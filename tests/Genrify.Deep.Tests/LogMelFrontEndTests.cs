using System.Text.Json.Nodes;
using Genrify.Deep;
using Genrify.Tests.Shared;

namespace Genrify.Deep.Tests;

public class LogMelFrontEndTests
{
    /// <summary>
    /// The network's input equals librosa's power_to_db(melspectrogram(y), ref=1.0, top_db=80), rebuilt from the
    /// reference mel power (raw frames, and the clip's maximum from its per-band stats).
    /// </summary>
    [Theory]
    [InlineData("clip09_edm_128.wav")]
    [InlineData("classical.00000.wav")]
    public void MatchesLibrosaPowerToDbOfTheMelSpectrogram(string clip)
    {
        var reference = JsonNode.Parse(File.ReadAllText(TestData.LibrosaReference(clip)))!["default"]!["mel_power"]!;
        var logMel = LogMelFrontEnd.FromFile(TestData.Audio(clip), LogMelSettings.Default);
        Assert.Equal(128, logMel.Rows);
        Assert.Equal((int)reference["stats"]!["frames"]!, logMel.Columns);

        double peak = reference["stats"]!["max"]!.AsArray().Max(v => (double)v!);
        double floorDb = 10 * Math.Log10(Math.Max(peak, 1e-10)) - 80;
        foreach (var (frame, column) in reference["raw"]!.AsObject())
        {
            var expected = column!.AsArray().Select(v => Math.Max(10 * Math.Log10(Math.Max((double)v!, 1e-10)), floorDb)).ToArray();
            double scale = expected.Max(Math.Abs);
            int f = int.Parse(frame);
            for (int b = 0; b < 128; b++)
                Assert.True(Math.Abs(logMel[b, f] - expected[b]) <= 1e-3 * Math.Abs(expected[b]) + 1e-3 * scale,
                    $"{clip} frame {f} band {b}: {logMel[b, f]} vs {expected[b]}");
        }
    }

    [Fact]
    public void RejectsSamplesAtTheWrongRate()
    {
        Assert.Throws<ArgumentException>(() => LogMelFrontEnd.Compute(new float[44100], 44100, LogMelSettings.Default));
    }

    /// <summary>
    /// A collection's log-mels come back from the cache identical, with the decoder's warnings of each file (naming it),
    /// in collection order; other settings are another recipe, cached apart.
    /// </summary>
    [Fact]
    public void A_collection_is_analysed_once_and_served_from_the_cache_with_its_warnings()
    {
        var root = Path.Combine(Path.GetTempPath(), $"genrify-logmel-{Guid.NewGuid():N}");
        try
        {
            var music = Path.Combine(root, "music");
            Directory.CreateDirectory(Path.Combine(music, "b"));
            Directory.CreateDirectory(Path.Combine(music, "a"));
            File.Copy(TestData.BadAudio("header_overclaims.wav"), Path.Combine(music, "a", "overclaims.wav"));
            File.Copy(TestData.Audio("clip04_click_90.wav"), Path.Combine(music, "b", "click.wav"));
            var options = new LogMelCollectionOptions { CacheDirectory = Path.Combine(root, "cache"), Jobs = 2 };

            var first = LogMelCollection.Load(music, LogMelSettings.Default, options);
            var again = LogMelCollection.Load(music, LogMelSettings.Default, options);

            Assert.Equal(["a/overclaims.wav", "b/click.wav"], first.Tracks.Select(t => t.File));
            Assert.Contains(first.Warnings, w => w.Contains("overclaims.wav", StringComparison.Ordinal));
            Assert.Equal(first.Warnings, again.Warnings);
            Assert.Equal(first.Tracks.Select(t => t.File), again.Tracks.Select(t => t.File));
            for (int i = 0; i < first.Examples.Count; i++)
                Assert.Equal(first.Examples[i].LogMel.Data, again.Examples[i].LogMel.Data);
            Assert.Single(Directory.GetFiles(options.CacheDirectory, "logmel-*.features"));

            var fewerBands = LogMelCollection.Load(music, LogMelSettings.Default with { NMels = 64 }, options);
            Assert.All(fewerBands.Examples, e => Assert.Equal(64, e.LogMel.Rows));
            Assert.Equal(2, Directory.GetFiles(options.CacheDirectory, "logmel-*.features").Length);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
