using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// Inverse STFT as librosa.istft (0.11): irfft per frame, Hann synthesis window, overlap-add into a float32 buffer,
/// division by the window sum-square where it exceeds float32's tiny, centre trimming and optional fixed length.
/// </summary>
public static unsafe class Istft
{
    /// <summary>Reconstructs a waveform from a (bins × frames) complex STFT.</summary>
    public static float[] Compute(ComplexMatrix stft, IstftOptions? options = null)
    {
        var plan = Plan.Of(stft, options ?? IstftOptions.Default);
        var y = new float[plan.OutputLength];
        Run(stft, plan, y);
        return y;
    }

    /// <summary>The number of samples <see cref="Compute(ComplexMatrix, IstftOptions?)"/> returns for these arguments.</summary>
    public static long OutputLength(ComplexMatrix stft, IstftOptions? options = null) => Plan.Of(stft, options ?? IstftOptions.Default).OutputLength;

    /// <summary>
    /// <see cref="Compute(ComplexMatrix, IstftOptions?)"/> into <paramref name="destination"/>, which must hold exactly
    /// <see cref="OutputLength"/> samples (its old contents are ignored), for callers that reuse one buffer clip after clip.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or the destination has the wrong length.</exception>
    public static void Compute(ComplexMatrix stft, IstftOptions? options, Span<float> destination)
    {
        var plan = Plan.Of(stft, options ?? IstftOptions.Default);
        if (destination.Length != plan.OutputLength)
            throw new ArgumentException($"destination has {destination.Length} samples, the inverse STFT {plan.OutputLength}.", nameof(destination));
        destination.Clear(); // overlap-add accumulates into it
        Run(stft, plan, destination);
    }

    /// <summary>The checked parameters of one inverse transform.</summary>
    private readonly record struct Plan(int NFft, int WinLength, int Hop, int Frames, bool Center, long OutputLength)
    {
        public static Plan Of(ComplexMatrix stft, IstftOptions options)
        {
            ArgumentNullException.ThrowIfNull(stft);
            if (stft.Rows < 1) throw new ArgumentException("STFT matrix has no frequency bins.", nameof(stft));
            int nFft = options.NFft ?? 2 * (stft.Rows - 1);
            if (nFft < 1) throw new ArgumentException($"n_fft must be positive (got {nFft}); a 1-bin STFT needs an explicit NFft.", nameof(options));
            int winLength = options.WinLength ?? nFft;
            if (winLength < 1 || winLength > nFft) throw new ArgumentException($"WinLength must be in [1, n_fft={nFft}] (got {winLength}).", nameof(options));
            int hop = options.HopLength ?? winLength / 4;
            if (hop < 1) throw new ArgumentException($"HopLength must be positive (got {hop}).", nameof(options));
            if (options.Length is < 0) throw new ArgumentException("Length must be non-negative.", nameof(options));

            int nFrames = stft.Columns;
            long? length = options.Length;
            if (length is > 0)
            {
                long padded = options.Center ? length.Value + 2L * (nFft / 2) : length.Value;
                nFrames = (int)Math.Min(stft.Columns, (padded + hop - 1) / hop);
            }
            long expected = length is > 0 ? length.Value
                : nFft + (long)hop * (nFrames - 1) - (options.Center ? 2L * (nFft / 2) : 0);
            return new Plan(nFft, winLength, hop, nFrames, options.Center, Math.Max(0, expected));
        }
    }

    /// <summary>Overlap-adds every frame into the zeroed <paramref name="y"/> and normalises by the window sum-square.</summary>
    private static void Run(ComplexMatrix stft, Plan plan, Span<float> y)
    {
        int nFft = plan.NFft, hop = plan.Hop, nFrames = plan.Frames, columns = stft.Columns;
        double[] window = Windows.PaddedHann(plan.WinLength, nFft);
        var fft = RealFft.Get(nFft);
        int bins = fft.Bins, usedBins = Math.Min(bins, stft.Rows);
        int stride = (2 * bins + 7) & ~7; // keep every spectrum 64-byte aligned
        double* spectra = RealFft.AllocAligned(stride * Block);
        double* frame = RealFft.AllocAligned(nFft);
        try
        {
            var block = new FrameBlock(stft, usedBins, fft, window, spectra, stride, frame);
            int startFrame = 0;
            long offset = 0;
            if (plan.Center)
            {
                startFrame = (nFft / 2 + hop - 1) / hop;
                // The head frames touch the padding: overlap-add them into their own buffer, then drop n_fft/2 samples.
                var head = new float[nFft + (long)hop * (startFrame - 1)];
                int headFrames = Math.Min(startFrame, columns);
                block.Run(0, headFrames, head, t => (long)t * hop);
                long headKept = head.Length - nFft / 2;
                if (y.Length < headKept) head.AsSpan(nFft / 2, y.Length).CopyTo(y);
                else head.AsSpan(nFft / 2).CopyTo(y);
                offset = (long)startFrame * hop - nFft / 2;
            }
            int first = startFrame;
            long off = offset;
            block.Run(first, nFrames, y, t => (long)(t - first) * hop + off);
        }
        finally
        {
            NativeMemory.AlignedFree(spectra);
            NativeMemory.AlignedFree(frame);
        }

        var windowSum = CachedWindowSumSquare(window, plan.WinLength, nFrames, hop);
        int start = plan.Center ? nFft / 2 : 0;
        int both = (int)Math.Clamp(windowSum.Length - (long)start, 0, y.Length);
        DivideWhereAboveTiny(y[..both], windowSum.AsSpan(start, both));
    }

    /// <summary>The last window sum-square computed, for its parameters: clips of one length share it (it is never written once published).</summary>
    private sealed record WindowSumSquareEntry(int WinLength, int NFft, int Frames, int Hop, float[] Values);

    private static volatile WindowSumSquareEntry? _lastWindowSum;

    /// <summary><see cref="WindowSumSquare"/> of the periodic Hann of <paramref name="winLength"/> padded to the window's length, reused while the parameters repeat.</summary>
    private static float[] CachedWindowSumSquare(double[] paddedWindow, int winLength, int nFrames, int hop)
    {
        var last = _lastWindowSum;
        if (last is not null && last.WinLength == winLength && last.NFft == paddedWindow.Length && last.Frames == nFrames && last.Hop == hop)
            return last.Values;
        var values = WindowSumSquare(paddedWindow, nFrames, hop);
        _lastWindowSum = new WindowSumSquareEntry(winLength, paddedWindow.Length, nFrames, hop, values);
        return values;
    }

    // numpy.finfo(float32).tiny: the smallest normal float32.
    private const float TinyFloat = 1.17549435e-38f;

    /// <summary>
    /// librosa.filters.window_sumsquare for the periodic Hann: Σ_t w²[n − t·hop] over <paramref name="nFrames"/> frames,
    /// accumulated in float32 (the output dtype) from float64 squares as librosa does.
    /// </summary>
    internal static float[] WindowSumSquare(double[] paddedWindow, int nFrames, int hop)
    {
        int nFft = paddedWindow.Length;
        nFrames = Math.Max(0, nFrames);
        long n = nFft + (long)hop * Math.Max(0, nFrames - 1);
        var x = new float[n];
        // Where every frame that could cover a sample exists (from n_fft − 1 up to nFrames·hop), the sum adds the same
        // window taps in the same order for all samples with the same position modulo hop: compute one period, copy it.
        long periodicStart = Math.Min(nFft - 1, n), periodicEnd = Math.Min((long)nFrames * hop, n);
        for (long p = 0; p < periodicStart; p++) x[p] = SumSquareAt(paddedWindow, nFrames, hop, p);
        for (long p = periodicStart; p < periodicEnd; p++)
            x[p] = p < periodicStart + hop ? SumSquareAt(paddedWindow, nFrames, hop, p) : x[p - hop];
        for (long p = Math.Max(periodicStart, periodicEnd); p < n; p++) x[p] = SumSquareAt(paddedWindow, nFrames, hop, p);
        return x;
    }

    /// <summary>Σ over frames t (in increasing order, float32 accumulator) of w²[p − t·hop].</summary>
    private static float SumSquareAt(double[] paddedWindow, int nFrames, int hop, long p)
    {
        int nFft = paddedWindow.Length;
        long tMin = Math.Max(0, p - nFft + 1 <= 0 ? 0 : (p - nFft + hop) / hop);
        long tMax = Math.Min(nFrames - 1, p / hop);
        float acc = 0f;
        for (long t = tMin; t <= tMax; t++)
        {
            double w = paddedWindow[p - t * hop];
            acc = (float)(acc + w * w);
        }
        return acc;
    }

    /// <summary>y[i] /= w[i] where w[i] exceeds float32's tiny (librosa leaves the other samples as they are).</summary>
    private static void DivideWhereAboveTiny(Span<float> y, ReadOnlySpan<float> w)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var tiny = Vector256.Create(TinyFloat);
            for (; i <= y.Length - 8; i += 8)
            {
                var yv = Vector256.Create(y.Slice(i, 8));
                var wv = Vector256.Create(w.Slice(i, 8));
                Vector256.ConditionalSelect(Vector256.GreaterThan(wv, tiny), yv / wv, yv).CopyTo(y.Slice(i, 8));
            }
        }
        for (; i < y.Length; i++)
            if (w[i] > TinyFloat) y[i] /= w[i];
    }

    // Frames are gathered from the row-major STFT in blocks (runs of Block values per bin) rather than one strided column at a time.
    private const int Block = 16;

    /// <summary>The inverse transforms and overlap-add of a range of frames, a block at a time.</summary>
    private readonly struct FrameBlock(ComplexMatrix stft, int usedBins, RealFft fft, double[] window, double* spectra, int stride, double* frame)
    {
        public void Run(int from, int to, Span<float> target, Func<int, long> position)
        {
            int cols = stft.Columns, bins = fft.Bins;
            for (int first = from; first < to; first += Block)
            {
                int count = Math.Min(Block, to - first);
                fixed (float* re = stft.Real)
                fixed (float* im = stft.Imag)
                    for (int k = 0; k < usedBins; k++)
                    {
                        float* r = re + (long)k * cols + first, i = im + (long)k * cols + first;
                        double* s = spectra + 2 * k;
                        for (int b = 0; b < count; b++, s += stride)
                        {
                            s[0] = r[b];
                            s[1] = i[b];
                        }
                    }
                for (int b = 0; b < count; b++)
                {
                    double* s = spectra + (long)b * stride;
                    for (int k = usedBins; k < bins; k++) s[2 * k] = s[2 * k + 1] = 0;
                    fft.InverseAligned(s, frame);
                    AddWindowed(frame, fft.Size, window, target, position(first + b));
                }
            }
        }
    }

    /// <summary>target[at + i] += frame[i] / n · window[i]: numpy's irfft is float64 (scaled by 1/n), added into float32.</summary>
    private static void AddWindowed(double* frame, int nFft, double[] window, Span<float> target, long at)
    {
        if (at >= target.Length || at < 0) return;
        int count = (int)Math.Min(nFft, target.Length - at);
        double scale = 1.0 / nFft;
        int i = 0;
        fixed (float* dst0 = &target[(int)at])
        fixed (double* w = window)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                var sv = Vector256.Create(scale);
                for (; i <= count - 8; i += 8)
                {
                    var (lo, hi) = Vector256.Widen(Vector256.Load(dst0 + i));
                    lo += Vector256.Load(frame + i) * sv * Vector256.Load(w + i);
                    hi += Vector256.Load(frame + i + 4) * sv * Vector256.Load(w + i + 4);
                    Vector256.Narrow(lo, hi).Store(dst0 + i);
                }
            }
            for (; i < count; i++) dst0[i] = (float)(dst0[i] + frame[i] * scale * w[i]);
        }
    }
}
