using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// Sample-rate conversion as <c>librosa.resample(y, orig_sr, target_sr, res_type='soxr_hq')</c> does it:
/// python-soxr 0.2.4's <c>soxr.resample(x, in, out, quality='HQ')</c> (libsoxr, HQ recipe, float32 interleaved I/O,
/// input fed in chunks of <c>int(48000·in/out)</c> frames, then one flush), followed by librosa's
/// <c>fix_length</c> to <c>ceil(n·target/orig)</c> samples. Single-threaded, so results do not depend on the machine.
/// </summary>
public static class Resampler
{
    /// <summary>
    /// Resamples one channel from <paramref name="originalRate"/> to <paramref name="targetRate"/> and fixes the length
    /// to <c>ceil(n·target/orig)</c> (zero-padded or trimmed), as librosa does. Equal rates return a copy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive.</exception>
    public static float[] Resample(ReadOnlySpan<float> input, int originalRate, int targetRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(originalRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        if (originalRate == targetRate) return input.ToArray();
        float[] resampled = SoxrHighQuality(input, originalRate, targetRate);
        return FixLength(resampled, LibrosaLength(input.Length, originalRate, targetRate));
    }

    /// <summary>
    /// librosa's target length: <c>int(np.ceil(n * (float(target) / orig)))</c>, computed in double like numpy
    /// (the ratio is rounded first, so this is not always the exact rational ceiling).
    /// </summary>
    public static int LibrosaLength(int inputLength, int originalRate, int targetRate)
    {
        double ratio = (double)targetRate / originalRate;
        return checked((int)Math.Ceiling(inputLength * ratio));
    }

    /// <summary>librosa.util.fix_length: trims <paramref name="y"/> or pads it with zeros to <paramref name="length"/>.</summary>
    public static float[] FixLength(float[] y, int length)
    {
        if (y.Length == length) return y;
        var fixedLength = new float[length];
        y.AsSpan(0, Math.Min(length, y.Length)).CopyTo(fixedLength);
        return fixedLength;
    }

    /// <summary>
    /// Exactly python-soxr 0.2.4 <c>resample(x, in_rate, out_rate, 'HQ')</c> on a 1-D float32 array (its
    /// <c>cysoxr_divide_proc</c>): output of at most <c>ceil(n·out/in)</c> samples, without librosa's length fix.
    /// </summary>
    public static unsafe float[] SoxrHighQuality(ReadOnlySpan<float> input, double inputRate, double outputRate)
    {
        if (!(inputRate > 0) || !(outputRate > 0) || double.IsInfinity(inputRate) || double.IsInfinity(outputRate))
            throw new ArgumentOutOfRangeException(nameof(inputRate), $"sample rates must be positive and finite (got {inputRate} → {outputRate})");
        nuint inputLength = (nuint)input.Length;
        // np.ceil(ilen * out_rate / in_rate) and int(48000 * in_rate / out_rate), as python-soxr computes them.
        nuint outputLength = (nuint)Math.Ceiling(input.Length * outputRate / inputRate);
        nuint chunk = (nuint)Math.Max(1.0, Math.Floor(48000 * inputRate / outputRate));
        var output = new float[outputLength];

        var io = LibSoxr.MakeIoSpec(LibSoxr.Float32Interleaved, LibSoxr.Float32Interleaved);
        var quality = LibSoxr.MakeQualitySpec((nuint)LibSoxr.QualityHigh, 0);
        // python-soxr passes no runtime spec; libsoxr's default is one thread. We say so explicitly: deterministic and
        // cheap, and parallelism belongs across files.
        var runtime = LibSoxr.MakeRuntimeSpec(1);
        IntPtr error = IntPtr.Zero;
        IntPtr soxr = LibSoxr.Create(inputRate, outputRate, 1, &error, &io, &quality, &runtime);
        if (soxr == IntPtr.Zero || error != IntPtr.Zero)
            throw new InvalidOperationException("soxr_create failed: " + (LibSoxr.Error(error) ?? "unknown error"));
        try
        {
            nuint outPos = 0, done = 0, index = 0;
            fixed (float* x = input)
            fixed (float* y = output)
            {
                while (index + chunk < inputLength)
                {
                    Check(LibSoxr.Process(soxr, x + index, chunk, null, y + outPos, outputLength - outPos, &done));
                    outPos += done;
                    index += chunk;
                }
                if (index < inputLength)
                {
                    Check(LibSoxr.Process(soxr, x + index, inputLength - index, null, y + outPos, outputLength - outPos, &done));
                    outPos += done;
                }
                if (outPos < outputLength)
                {
                    // A null input means "end of input": soxr flushes what is left in its pipeline.
                    Check(LibSoxr.Process(soxr, null, 0, null, y + outPos, outputLength - outPos, &done));
                    outPos += done;
                }
            }
            return outPos == outputLength ? output : output[..(int)outPos];
        }
        finally
        {
            LibSoxr.Delete(soxr);
        }
    }

    private static void Check(IntPtr error)
    {
        if (error != IntPtr.Zero) throw new InvalidOperationException("soxr_process failed: " + LibSoxr.Error(error));
    }
}
