using System.Numerics.Tensors;
using System.Runtime.InteropServices;

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
        ArgumentNullException.ThrowIfNull(stft);
        options ??= IstftOptions.Default;
        if (stft.Rows < 1) throw new ArgumentException("STFT matrix has no frequency bins.", nameof(stft));
        int nFft = options.NFft ?? 2 * (stft.Rows - 1);
        if (nFft < 1) throw new ArgumentException($"n_fft must be positive (got {nFft}); a 1-bin STFT needs an explicit NFft.", nameof(options));
        int winLength = options.WinLength ?? nFft;
        if (winLength < 1 || winLength > nFft) throw new ArgumentException($"WinLength must be in [1, n_fft={nFft}] (got {winLength}).", nameof(options));
        int hop = options.HopLength ?? winLength / 4;
        if (hop < 1) throw new ArgumentException($"HopLength must be positive (got {hop}).", nameof(options));
        if (options.Length is < 0) throw new ArgumentException("Length must be non-negative.", nameof(options));

        int columns = stft.Columns;
        int nFrames = columns;
        long? length = options.Length;
        if (length is > 0)
        {
            long padded = options.Center ? length.Value + 2L * (nFft / 2) : length.Value;
            nFrames = (int)Math.Min(columns, (padded + hop - 1) / hop);
        }
        long expected = length is > 0 ? length.Value
            : nFft + (long)hop * (nFrames - 1) - (options.Center ? 2L * (nFft / 2) : 0);
        var y = new float[Math.Max(0, expected)];

        double[] window = Windows.PaddedHann(winLength, nFft);
        var fft = RealFft.Get(nFft);
        int bins = fft.Bins, usedBins = Math.Min(bins, stft.Rows);
        double* spectrum = RealFft.AllocAligned(2 * bins);
        double* frame = RealFft.AllocAligned(nFft);
        try
        {
            int startFrame = 0;
            long offset = 0;
            if (options.Center)
            {
                startFrame = (nFft / 2 + hop - 1) / hop;
                // The head frames touch the padding: overlap-add them into their own buffer, then drop n_fft/2 samples.
                var head = new float[nFft + (long)hop * (startFrame - 1)];
                int headFrames = Math.Min(startFrame, columns);
                for (int t = 0; t < headFrames; t++)
                    OverlapAdd(stft, t, usedBins, fft, window, spectrum, frame, head, (long)t * hop);
                long headKept = head.Length - nFft / 2;
                if (y.Length < headKept) head.AsSpan(nFft / 2, y.Length).CopyTo(y);
                else head.AsSpan(nFft / 2).CopyTo(y);
                offset = (long)startFrame * hop - nFft / 2;
            }
            for (int t = startFrame; t < nFrames; t++)
                OverlapAdd(stft, t, usedBins, fft, window, spectrum, frame, y, (long)(t - startFrame) * hop + offset);
        }
        finally
        {
            NativeMemory.AlignedFree(spectrum);
            NativeMemory.AlignedFree(frame);
        }

        var windowSum = WindowSumSquare(window, nFrames, hop);
        int start = options.Center ? nFft / 2 : 0;
        for (int i = 0; i < y.Length; i++)
        {
            long j = i + (long)start;
            float w = j < windowSum.Length ? windowSum[j] : 0f;
            if (w > TinyFloat) y[i] /= w;
        }
        return y;
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
        long n = nFft + (long)hop * Math.Max(0, nFrames - 1);
        var x = new float[n];
        for (int t = 0; t < nFrames; t++)
        {
            long s = (long)t * hop;
            long count = Math.Min(nFft, n - s);
            for (int i = 0; i < count; i++)
            {
                double w = paddedWindow[i];
                x[s + i] = (float)(x[s + i] + w * w);
            }
        }
        return x;
    }

    private static void OverlapAdd(ComplexMatrix stft, int t, int usedBins, RealFft fft, double[] window,
        double* spectrum, double* frame, float[] target, long at)
    {
        int cols = stft.Columns, bins = fft.Bins, nFft = fft.Size;
        for (int k = 0; k < usedBins; k++)
        {
            spectrum[2 * k] = stft.Real[(long)k * cols + t];
            spectrum[2 * k + 1] = stft.Imag[(long)k * cols + t];
        }
        for (int k = usedBins; k < bins; k++) spectrum[2 * k] = spectrum[2 * k + 1] = 0f;
        fft.InverseAligned(spectrum, frame);
        if (at >= target.Length || at < 0) return;
        int count = (int)Math.Min(nFft, target.Length - at);
        // numpy's irfft is float64 (scaled by 1/n); the windowed frame is added into the float32 output.
        double scale = 1.0 / nFft;
        for (int i = 0; i < count; i++)
            target[at + i] = (float)(target[at + i] + frame[i] * scale * window[i]);
    }
}
