using System.Text.Json.Nodes;
using Genrify.Pretrained.MusiCnn;
using Genrify.Tests.Shared;
using Xunit.Abstractions;

namespace Genrify.Pretrained.Tests;

public class MusiCnnFrontEndTests(ITestOutputHelper output)
{
    private const int Bands = MusiCnnFrontEnd.Bands;

    /// <summary>
    /// Fed the exact 16 kHz samples essentia.js saw, the front end cuts the same frames and patches, and patches 0 and 1
    /// equal essentia.js's network input within the README's 1e-3.
    /// </summary>
    [Theory]
    [InlineData("muldjord_armygeddon_30s", "muldjord_armygeddon_30s_16k_mono.f32")]
    [InlineData("blues.00099", "blues.00099_16k_mono.f32")]
    public void MatchesEssentiaJsOnReferenceClips(string name, string pcmFile)
    {
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Directory, "musicnn", name + ".json")))!;
        float[] samples = ReadF32(Path.Combine(TestData.Directory, "musicnn", pcmFile));
        Assert.Equal((int)reference["n_samples_16k"]!, samples.Length);
        Assert.Equal((int)reference["n_frames_framecutter"]!, MusiCnnFrontEnd.FrameCount(samples.Length));

        var frames = MusiCnnFrontEnd.Frames(samples);
        Assert.Equal((int)reference["n_frames"]!, frames.Length);

        var patches = MusiCnnFrontEnd.Patches(samples);
        Assert.Equal((int)reference["n_patches"]!, patches.Length);
        var starts = reference["patch_starts"]!.AsArray().Select(s => (int)s!).ToArray();
        Assert.Equal(starts, Enumerable.Range(0, patches.Length).Select(p => p * MusiCnnFrontEnd.PatchHop));
        // Every patch is the run of kept frames from its start.
        for (int p = 0; p < patches.Length; p++)
            for (int t = 0; t < MusiCnnFrontEnd.PatchFrames; t++)
                Assert.Equal(frames[starts[p] + t], patches[p].AsSpan(t * Bands, Bands).ToArray());

        var expected = reference["input_patches"]!.AsArray();
        double maxError = 0;
        for (int p = 0; p < expected.Count; p++)
        {
            var rows = expected[p]!.AsArray();
            Assert.Equal(MusiCnnFrontEnd.PatchFrames, rows.Count);
            for (int t = 0; t < rows.Count; t++)
            {
                var row = rows[t]!.AsArray();
                for (int b = 0; b < Bands; b++)
                {
                    double error = Math.Abs(patches[p][t * Bands + b] - (double)row[b]!);
                    maxError = Math.Max(maxError, error);
                    Assert.True(error <= 1e-3, $"{name} patch {p} frame {t} band {b}: {patches[p][t * Bands + b]} vs {(double)row[b]!}");
                }
            }
        }
        output.WriteLine($"{name}: max abs error vs essentia.js input patches = {maxError:E3}");
    }

    /// <summary>Frames lying wholly inside a stretch of digital silence are dropped; frames touching the music stay.</summary>
    [Fact]
    public void DropsSilentFrames()
    {
        var samples = Tone(3 * MusiCnnFrontEnd.SampleRate, 440);
        Array.Clear(samples, 16000, 16000); // silence over samples [16000, 32000)
        // Frame k covers [256k − 256, 256k + 256): wholly inside the silence for 64 ≤ k ≤ 124 → 61 frames.
        int all = MusiCnnFrontEnd.FrameCount(samples.Length);
        Assert.Equal(189, all);
        var frames = MusiCnnFrontEnd.Frames(samples);
        Assert.Equal(all - 61, frames.Length);
        Assert.All(frames, f => Assert.True(f.Max() > 0.1f, "a kept frame should hold the tone"));
    }

    /// <summary>A frame whose mean square is under 1e-10 counts as silent even when not exactly zero.</summary>
    [Fact]
    public void NearSilenceBelowTheCutoffGivesNoPatches()
    {
        var faint = Tone(MusiCnnFrontEnd.SampleRate, 440, amplitude: 1e-6f); // mean square ≈ 5e-13
        Assert.Empty(MusiCnnFrontEnd.Patches(faint));
        Assert.Empty(MusiCnnFrontEnd.Patches(new float[5 * MusiCnnFrontEnd.SampleRate]));
        // Ten times louder than the cutoff's amplitude: every frame is kept.
        var audible = Tone(MusiCnnFrontEnd.SampleRate, 440, amplitude: 1e-4f); // mean square ≈ 5e-9
        Assert.Equal(MusiCnnFrontEnd.FrameCount(audible.Length), MusiCnnFrontEnd.Frames(audible).Length);
    }

    /// <summary>One second (64 frames) gives a single patch: its frames, then zeros; the tone peaks in the band around 440 Hz.</summary>
    [Fact]
    public void ShortClipGivesOneZeroPaddedPatch()
    {
        var samples = Tone(MusiCnnFrontEnd.SampleRate, 440);
        var frames = MusiCnnFrontEnd.Frames(samples);
        Assert.Equal(64, frames.Length);
        var patches = MusiCnnFrontEnd.Patches(samples);
        var patch = Assert.Single(patches);
        Assert.Equal(MusiCnnFrontEnd.PatchFrames * Bands, patch.Length);
        for (int t = 0; t < frames.Length; t++)
            Assert.Equal(frames[t], patch.AsSpan(t * Bands, Bands).ToArray());
        Assert.All(patch[(frames.Length * Bands)..], v => Assert.Equal(0f, v));

        double[] edges = EssentiaMelBands.Edges();
        int expectedBand = Enumerable.Range(0, Bands).MinBy(i => Math.Abs(edges[i + 1] - 440));
        var middle = frames[32];
        Assert.Equal(expectedBand, Array.IndexOf(middle, middle.Max()));
    }

    [Fact]
    public void RejectsNonFiniteOrEmptySamples()
    {
        var samples = Tone(MusiCnnFrontEnd.SampleRate, 440);
        samples[1234] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => MusiCnnFrontEnd.Patches(samples));
        Assert.Contains("not finite", e.Message);
        samples[1234] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => MusiCnnFrontEnd.Patches(samples));
        Assert.Throws<ArgumentException>(() => MusiCnnFrontEnd.Patches(ReadOnlySpan<float>.Empty));
    }

    /// <summary>
    /// The filter bank: 98 edges from 0 to 8000 Hz, unit-area triangles (unit_tri). The bin sum Σ_j w_ij·31.25 only
    /// approximates each triangle's area: within 8% for the narrowest (2–3 bins wide) bands, closer for wide ones.
    /// </summary>
    [Fact]
    public void MelBankHasUnitAreaTriangles()
    {
        double[] edges = EssentiaMelBands.Edges();
        Assert.Equal(98, edges.Length);
        Assert.Equal(0, edges[0]);
        Assert.Equal(8000, edges[^1], 0.05);
        var bank = EssentiaMelBands.Instance;
        for (int i = 0; i < Bands; i++)
        {
            double area = Enumerable.Range(0, EssentiaMelBands.Bins).Sum(j => bank.Weight(i, j)) * 31.25;
            Assert.InRange(area, 0.9, 1.1);
        }
    }

    private static float[] Tone(int n, double hz, float amplitude = 0.5f) =>
        Enumerable.Range(0, n).Select(i => amplitude * (float)Math.Sin(2 * Math.PI * hz * i / MusiCnnFrontEnd.SampleRate)).ToArray();

    private static float[] ReadF32(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }
}
