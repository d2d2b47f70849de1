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

    [Fact]
    public void CacheRoundTripsAndRejectsTruncatedFiles()
    {
        var m = new Genrify.Dsp.Matrix(3, 4, Enumerable.Range(0, 12).Select(i => i * 0.5f - 2f).ToArray());
        string path = Path.Combine(Path.GetTempPath(), $"genrify-logmel-{Guid.NewGuid():N}.logmel");
        try
        {
            LogMelCache.Write(path, m);
            var back = LogMelCache.Read(path);
            Assert.Equal((3, 4), (back.Rows, back.Columns));
            Assert.Equal(m.Data, back.Data);
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);
            Assert.Throws<InvalidDataException>(() => LogMelCache.Read(path));
        }
        finally { File.Delete(path); }
    }
}
