using Genrify.Dsp;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// Essentia's <c>TensorflowInputMusiCNN</c> front end as essentia.js runs it for MusiCNN (see
/// shared/models/musicnn/README.md, "Preprocessing"): 16 kHz mono → frames of 512 with hop 256 (frame k centred on
/// sample 256k, zeros outside the clip), silent frames dropped, symmetric Hann, power spectrum, 96 Slaney mel bands
/// (<see cref="EssentiaMelBands"/>), log10(1 + 10000·band), then patches of 187 frames with hop 93.
/// Computed in double, stored as float32.
/// </summary>
public static class MusiCnnFrontEnd
{
    /// <summary>Sample rate the front end expects (resample before calling).</summary>
    public const int SampleRate = 16000;

    /// <summary>Frames per patch (the network's time axis).</summary>
    public const int PatchFrames = 187;

    /// <summary>Hop between patch starts, in kept frames.</summary>
    public const int PatchHop = 93;

    /// <summary>Mel bands per frame (the network's frequency axis).</summary>
    public const int Bands = EssentiaMelBands.Bands;

    /// <summary>Frame length in samples (also the FFT size).</summary>
    public const int FrameSize = 512;

    /// <summary>Hop between frames in samples.</summary>
    public const int HopSize = 256;

    // Essentia's isSilent: mean square of the raw frame below 1e-10 (float32 arithmetic).
    private const float SilenceCutoff = 1e-10f;

    // Essentia's Hann: 0.5 − 0.5·cos(2πi/511), symmetric, not normalised.
    private static readonly double[] Window = Windows.Hann(FrameSize, periodic: false);

    /// <summary>
    /// The network input for <paramref name="samples"/> (mono, <see cref="SampleRate"/> Hz): one row-major
    /// float[<see cref="PatchFrames"/>·<see cref="Bands"/>] per patch, element [t·96 + b]. The last incomplete patch is
    /// discarded; a clip with fewer than 187 kept frames gives one zero-padded patch; an all-silent clip gives none.
    /// </summary>
    /// <exception cref="ArgumentException">The samples are empty or not finite.</exception>
    public static float[][] Patches(ReadOnlySpan<float> samples) => PatchesOf(Frames(samples));

    /// <summary>Number of frames Essentia's FrameCutter (startFromZero=false) cuts from <paramref name="sampleCount"/> samples: ⌈n/256⌉ + 1.</summary>
    public static int FrameCount(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        return (sampleCount + HopSize - 1) / HopSize + 1;
    }

    /// <summary>
    /// The log-mel frames that remain after dropping silent ones, each float[<see cref="Bands"/>] of
    /// log10(1 + 10000·band).
    /// </summary>
    /// <exception cref="ArgumentException">The samples are empty or not finite.</exception>
    public static float[][] Frames(ReadOnlySpan<float> samples)
    {
        Signal.ValidateAudio(samples);
        var fft = RealFft.Get(FrameSize);
        var mel = EssentiaMelBands.Instance;
        int count = FrameCount(samples.Length);
        var kept = new List<float[]>(count);
        Span<float> raw = stackalloc float[FrameSize];
        Span<double> windowed = stackalloc double[FrameSize];
        Span<double> spectrum = stackalloc double[2 * fft.Bins];
        Span<double> power = stackalloc double[fft.Bins];
        Span<double> bands = stackalloc double[Bands];
        for (int k = 0; k < count; k++)
        {
            CutFrame(samples, k * HopSize - FrameSize / 2, raw);
            if (IsSilent(raw)) continue;
            for (int i = 0; i < FrameSize; i++) windowed[i] = raw[i] * Window[i];
            fft.Forward(windowed, spectrum);
            for (int j = 0; j < power.Length; j++)
                power[j] = spectrum[2 * j] * spectrum[2 * j] + spectrum[2 * j + 1] * spectrum[2 * j + 1];
            mel.Apply(power, bands);
            var frame = new float[Bands];
            for (int b = 0; b < Bands; b++) frame[b] = (float)Math.Log10(1 + 10000 * bands[b]);
            kept.Add(frame);
        }
        return kept.ToArray();
    }

    /// <summary>
    /// Where the patches of <paramref name="frames"/> (kept frames, <see cref="Frames"/>) lie, without copying them:
    /// the frames, zero-padded to one whole patch when there are fewer than 187 (none at all: one zero patch), and
    /// each patch's first frame (hop 93, the last incomplete patch discarded), as <see cref="Patches"/> cuts them.
    /// </summary>
    public static (float[][] Frames, int[] PatchStarts) PatchLayout(float[][] frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Length < PatchFrames)
        {
            var padded = new float[PatchFrames][];
            for (int t = 0; t < PatchFrames; t++) padded[t] = t < frames.Length ? frames[t] : new float[Bands];
            return (padded, [0]);
        }
        int patchCount = (frames.Length - PatchFrames) / PatchHop + 1;
        return (frames, Enumerable.Range(0, patchCount).Select(p => p * PatchHop).ToArray());
    }

    /// <summary>Cuts patches of 187 frames, hop 93, from kept frames (see <see cref="Patches"/>).</summary>
    internal static float[][] PatchesOf(float[][] frames)
    {
        if (frames.Length == 0) return [];
        // Short clips: one patch, the missing frames left at zero (Essentia's patch zero-padding).
        int patchCount = frames.Length < PatchFrames ? 1 : (frames.Length - PatchFrames) / PatchHop + 1;
        var patches = new float[patchCount][];
        for (int p = 0; p < patchCount; p++)
        {
            var patch = new float[PatchFrames * Bands];
            int start = p * PatchHop;
            int available = Math.Min(PatchFrames, frames.Length - start);
            for (int t = 0; t < available; t++)
                frames[start + t].CopyTo(patch, t * Bands);
            patches[p] = patch;
        }
        return patches;
    }

    /// <summary>Copies samples [start, start+512) into <paramref name="frame"/>, zeros outside the signal.</summary>
    private static void CutFrame(ReadOnlySpan<float> samples, int start, Span<float> frame)
    {
        frame.Clear();
        int from = Math.Max(0, start), to = Math.Min(samples.Length, start + FrameSize);
        if (to > from) samples[from..to].CopyTo(frame[(from - start)..]);
    }

    private static bool IsSilent(ReadOnlySpan<float> frame)
    {
        // Sequential float32 sum, like Essentia's energy() on a vector<Real>.
        float energy = 0f;
        foreach (float x in frame) energy += x * x;
        return energy / FrameSize < SilenceCutoff;
    }
}
