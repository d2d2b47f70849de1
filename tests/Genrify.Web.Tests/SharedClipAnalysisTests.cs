using System.Security.Cryptography;
using Genrify.Dsp;
using Genrify.Features;
using Genrify.Features.Presets;
using Genrify.Tests.Shared;
using SkiaSharp;

namespace Genrify.Web.Tests;

/// <summary>
/// The page's spectrogram and descriptors come from one shared analysis of the clip (one STFT) and match what the page
/// showed when each was computed from the samples on its own: values recorded from that code on the bundled clip.
/// </summary>
public sealed class SharedClipAnalysisTests
{
    [Theory]
    [InlineData(16000, 170.45454545454547, -11.413463832370304, 2560.451171875, "45be6be96867fed2ff02f0146c53eb06d327f47d26c0392e7605afe38ee18e67", 939, 30.0221875)]
    [InlineData(22050, 112.34714673913044, -11.318899020909905, 3249.737060546875, "2c00ff0539848e7ef8255136eb90d451f9855635b5733ea0d00febf6f5003091", 1024, 30.022131519274378)]
    public void The_bundled_clip_gets_the_same_picture_and_descriptors_from_one_stft(int rate, double tempo, double dbfs,
        double brightness, string separatePngSha256, int width, double seconds)
    {
        var audio = ClipDecoder.Decode(Path.Combine(TestData.RepositoryRoot, "samples", "muldjord_armygeddon_30s.ogg"), rate);
        var clip = new ClipAnalysis(audio.Samples, rate);

        var features = SongAnalyser.Telling(clip);
        var picture = SpectrogramRenderer.Render(clip);

        Assert.Equal(1, clip.StftPasses);
        Assert.Equal(tempo, features.TempoBpm);
        Assert.Equal(dbfs, features.LoudnessDbfs);
        Assert.Equal(brightness, features.BrightnessHz);
        Assert.Equal((width, 128, seconds, rate / 2.0), (picture.Width, picture.Height, picture.Seconds, picture.MaxFrequencyHz));

        // The picture as it was drawn from a mel spectrogram of its own (the recorded bytes prove this is that picture).
        var separate = SpectrogramRenderer.EncodePng(
            Decibels.PowerToDb(MelSpectrogram.Compute(audio.Samples, rate), DbReference.Max, topDb: SpectrogramRenderer.DbRange), out _);
        Assert.Equal(separatePngSha256, Convert.ToHexStringLower(SHA256.HashData(separate)));
        // Mel power from the shared |STFT|² differs from the fused STFT-to-mel pass by float rounding only (below 1e-6
        // relative), which can move a pixel by one colour level: never more, and almost never at all.
        var (changed, largest) = PixelDifference(separate, Convert.FromBase64String(picture.Png));
        Assert.True(largest <= 1, $"a pixel moved by {largest} levels");
        Assert.True(changed <= 10, $"{changed} pixels changed");
    }

    private static (int Changed, int Largest) PixelDifference(byte[] pngA, byte[] pngB)
    {
        using var a = SKBitmap.Decode(pngA);
        using var b = SKBitmap.Decode(pngB);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        int changed = 0, largest = 0;
        for (int y = 0; y < a.Height; y++)
            for (int x = 0; x < a.Width; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                int d = Math.Max(Math.Abs(p.Red - q.Red), Math.Max(Math.Abs(p.Green - q.Green), Math.Abs(p.Blue - q.Blue)));
                if (d > 0) changed++;
                largest = Math.Max(largest, d);
            }
        return (changed, largest);
    }
}
