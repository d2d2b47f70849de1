using System.Text.Json;
using Genrify.Audio;
using Genrify.Tests.Shared;

namespace Genrify.Features.Tests;

/// <summary>Decoded fixture clips and their librosa reference JSON (scripts/librosa_make_ref.py), loaded once per test run.</summary>
internal static class PresetReference
{
    private static readonly Dictionary<string, JsonElement> Documents = new();
    private static readonly Dictionary<string, float[]> Clips = new();

    /// <summary>Every fixture clip with a librosa reference (the m4a included: its ffmpeg path is exact too).</summary>
    public static TheoryData<string> AllClips()
    {
        var data = new TheoryData<string>();
        foreach (var clip in TestData.ClipsWithReference()) data.Add(clip);
        return data;
    }

    /// <summary>The reference document of <paramref name="clip"/>.</summary>
    public static JsonElement Of(string clip)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(clip, out var root))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(TestData.LibrosaReference(clip)));
                Documents[clip] = root = doc.RootElement.Clone();
            }
            return root;
        }
    }

    /// <summary>The clip as <c>librosa.load(path, sr=22050, mono=True)</c> gives it.</summary>
    public static float[] Samples(string clip)
    {
        lock (Clips)
        {
            if (!Clips.TryGetValue(clip, out var y))
                Clips[clip] = y = AudioLoader.Load(TestData.Audio(clip)).Samples;
            return y;
        }
    }

    /// <summary>A statistic array ("mean", "std", …) of a feature block such as seed.mfcc.</summary>
    public static double[] Stat(JsonElement root, string block, string feature, string stat) =>
        root.GetProperty(block).GetProperty(feature).GetProperty("stats").GetProperty(stat)
            .EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    /// <summary>
    /// Asserts |actual - expected| ≤ rtol·max(|expected|, floor) where floor is the largest magnitude of the same
    /// feature family (the fixtures README's absolute floor for values near zero).
    /// </summary>
    public static void Close(string what, double expected, double actual, double rtol, double floor)
    {
        double tolerance = rtol * Math.Max(Math.Abs(expected), floor);
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E2} > {tolerance:E2})");
    }
}
