using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genrify.Audio;

/// <summary>
/// Channel handling as librosa does it: <c>to_mono</c> is <c>np.mean(y, axis=0)</c> over float32 frames read by soundfile,
/// reproduced bit for bit (numpy reduces the channels of each frame with its pairwise float32 sum, then divides by the count).
/// </summary>
public static class ChannelMixer
{
    /// <summary>
    /// Averages interleaved frames (<paramref name="channels"/> samples per frame) into <paramref name="mono"/>,
    /// bit-identical to numpy's float32 <c>mean</c> over the channel axis.
    /// </summary>
    /// <exception cref="ArgumentException">The spans do not hold whole frames, or <paramref name="mono"/> is too short.</exception>
    public static void Downmix(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (interleaved.Length % channels != 0)
            throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {channels} channels", nameof(interleaved));
        int frames = interleaved.Length / channels;
        if (mono.Length < frames)
            throw new ArgumentException($"output holds {mono.Length} samples, {frames} needed", nameof(mono));

        switch (channels)
        {
            case 1:
                interleaved.CopyTo(mono);
                return;
            case 2:
                DownmixStereo(interleaved, mono[..frames]);
                return;
            default:
                float count = channels;
                for (int i = 0; i < frames; i++)
                    mono[i] = PairwiseSum(interleaved.Slice(i * channels, channels)) / count;
                return;
        }
    }

    /// <summary>Averages interleaved frames into a new mono array (see <see cref="Downmix(ReadOnlySpan{float}, int, Span{float})"/>).</summary>
    public static float[] Downmix(ReadOnlySpan<float> interleaved, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var mono = new float[interleaved.Length / channels];
        Downmix(interleaved, channels, mono);
        return mono;
    }

    /// <summary>Splits interleaved frames into one array per channel (librosa's <c>mono=False</c> layout, channels × samples).</summary>
    public static float[][] Deinterleave(ReadOnlySpan<float> interleaved, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (interleaved.Length % channels != 0)
            throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {channels} channels", nameof(interleaved));
        int frames = interleaved.Length / channels;
        var result = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            var channel = result[c] = new float[frames];
            for (int i = 0, j = c; i < frames; i++, j += channels) channel[i] = interleaved[j];
        }
        return result;
    }

    /// <summary>
    /// numpy's float32 pairwise sum (umath loops_utils <c>pairwise_sum</c>): plain left-to-right below 8 terms, 8 running
    /// partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) up to 128, halving recursively above.
    /// </summary>
    internal static float PairwiseSum(ReadOnlySpan<float> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            float sum = 0f;
            for (int i = 0; i < n; i++) sum += a[i];
            return sum;
        }
        if (n <= 128)
        {
            float r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i = 8;
            for (; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            float sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) sum += a[i];
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return PairwiseSum(a[..half]) + PairwiseSum(a[half..]);
    }

    /// <summary>(left + right) / 2 per frame; the halving is exact, so it equals numpy's (l + r) / 2.</summary>
    private static unsafe void DownmixStereo(ReadOnlySpan<float> interleaved, Span<float> mono)
    {
        int frames = mono.Length;
        int i = 0;
        fixed (float* src = interleaved)
        fixed (float* dst = mono)
        {
            if (Avx.IsSupported)
            {
                var half = Vector256.Create(0.5f);
                for (; i + 8 <= frames; i += 8)
                {
                    var a = Avx.LoadVector256(src + 2 * i);       // l0 r0 l1 r1 | l2 r2 l3 r3
                    var b = Avx.LoadVector256(src + 2 * i + 8);   // l4 r4 l5 r5 | l6 r6 l7 r7
                    // hadd: s0 s1 s4 s5 | s2 s3 s6 s7 (per 128-bit lane); reorder the 64-bit pairs to s0..s7.
                    var sums = Avx.HorizontalAdd(a, b);
                    var ordered = Avx2.IsSupported
                        ? Avx2.Permute4x64(sums.AsDouble(), 0b11_01_10_00).AsSingle()
                        : Vector256.Create(sums.GetLower().AsDouble().GetElement(0), sums.GetUpper().AsDouble().GetElement(0),
                            sums.GetLower().AsDouble().GetElement(1), sums.GetUpper().AsDouble().GetElement(1)).AsSingle();
                    Avx.Store(dst + i, Avx.Multiply(ordered, half));
                }
            }
            for (; i < frames; i++) dst[i] = (src[2 * i] + src[2 * i + 1]) * 0.5f;
        }
    }
}
