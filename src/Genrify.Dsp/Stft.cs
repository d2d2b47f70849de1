using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Genrify.Dsp;

/// <summary>
/// Short-time Fourier transform as librosa.stft (0.11) computes it: periodic Hann window of win_length centred in n_fft,
/// optional centre padding, rfft per frame, bins × frames output.
/// </summary>
public static unsafe class Stft
{
    // Frames are transformed in blocks and then transposed, so the row-major (bins × frames) output is written in runs.
    internal const int Block = 16;

    /// <summary>The complex STFT (complex64), bins × frames.</summary>
    public static ComplexMatrix Compute(ReadOnlySpan<float> y, StftOptions? options = null)
    {
        options ??= StftOptions.Default;
        int frames = Prepare(y, options);
        var result = new ComplexMatrix(options.Bins, frames);
        var sink = new ComplexSink(result);
        Run(y, options, frames, ref sink);
        return result;
    }

    /// <summary>The number of frames (columns) of the STFT of <paramref name="y"/>.</summary>
    public static int FrameCount(ReadOnlySpan<float> y, StftOptions? options = null) => Prepare(y, options ?? StftOptions.Default);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{float}, StftOptions?)"/> into an existing bins × <see cref="FrameCount"/> matrix
    /// (every value is overwritten), for callers that reuse one buffer clip after clip.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options or signal, or the destination has the wrong shape.</exception>
    public static void Compute(ReadOnlySpan<float> y, StftOptions? options, ComplexMatrix destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        options ??= StftOptions.Default;
        int frames = Prepare(y, options);
        if (destination.Rows != options.Bins || destination.Columns != frames)
            throw new ArgumentException($"destination is {destination.Rows}×{destination.Columns}, the STFT {options.Bins}×{frames}.", nameof(destination));
        var sink = new ComplexSink(destination);
        Run(y, options, frames, ref sink);
    }

    /// <summary>|STFT|^<paramref name="power"/> (power 1: magnitude, 2: power spectrogram), bins × frames.</summary>
    public static Matrix Magnitude(ReadOnlySpan<float> y, StftOptions? options = null, float power = 1f)
    {
        options ??= StftOptions.Default;
        if (!(power > 0) || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
        int frames = Prepare(y, options);
        var result = new Matrix(options.Bins, frames);
        var sink = new MagnitudeSink(result, power);
        Run(y, options, frames, ref sink);
        return result;
    }

    /// <summary>The frequency (Hz) of each STFT bin: <c>np.fft.rfftfreq(n_fft, 1/sr)</c>.</summary>
    public static double[] FftFrequencies(double sampleRate, int nFft)
    {
        if (!(sampleRate > 0)) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (nFft < 1) throw new ArgumentException($"n_fft must be positive (got {nFft}).", nameof(nFft));
        double step = 1.0 / (nFft * (1.0 / sampleRate));
        var f = new double[nFft / 2 + 1];
        for (int i = 0; i < f.Length; i++) f[i] = i * step;
        return f;
    }

    internal static int Prepare(ReadOnlySpan<float> y, StftOptions options)
    {
        options.Validate();
        // When the frames cover every sample, Run detects NaN or infinite samples itself (see there) and the
        // separate validation pass over the signal is only needed to name the problem.
        if (y.IsEmpty || !FramesCoverEverySample(options)) Signal.ValidateAudio(y);
        return options.FrameCount(y.Length);
    }

    // Centred frames start at −n_fft/2 and, with hop ≤ n_fft/2, leave no gap and reach past the last sample.
    private static bool FramesCoverEverySample(StftOptions options) => options.Center && options.EffectiveHopLength <= options.NFft / 2;

    internal interface ISink
    {
        /// <summary>Receives <paramref name="count"/> spectra (interleaved, <paramref name="stride"/> floats apart) for frames from <paramref name="first"/>.</summary>
        void Write(int first, int count, double* spectra, int stride, int bins);
    }

    internal static void Run<TSink>(ReadOnlySpan<float> y, StftOptions options, int frames, ref TSink sink) where TSink : struct, ISink
    {
        int nFft = options.NFft, hop = options.EffectiveHopLength, bins = options.Bins;
        int padLeft = options.Center ? nFft / 2 : 0;
        var fft = RealFft.Get(nFft);
        double[] window = Windows.PaddedHann(options.EffectiveWinLength, nFft);
        // Every spectrum 64-byte aligned, and one extra cache line so that a block of 2048-point spectra is not laid out
        // at a 16 KiB stride, which would map them all onto the same L1 sets when the sinks read across frames.
        int stride = ((2 * bins + 7) & ~7) + 8;
        double* input = RealFft.AllocAligned(nFft);
        double* spectra = RealFft.AllocAligned(stride * Block);
        try
        {
            var inputSpan = new Span<double>(input, nFft);
            bool finite = true;
            for (int first = 0; first < frames; first += Block)
            {
                int count = Math.Min(Block, frames - first);
                for (int b = 0; b < count; b++)
                {
                    long start = (long)(first + b) * hop - padLeft;
                    if (start >= 0 && start + nFft <= y.Length)
                        Windowing.MultiplyWiden(y.Slice((int)start, nFft), window, inputSpan);
                    else
                        FillPaddedFrame(y, start, options.PadMode, window, inputSpan);
                    fft.ForwardAligned(input, spectra + b * stride);
                    // A NaN or infinite sample makes the frame's DC bin (the window-weighted sum, in float64 so that
                    // finite audio cannot overflow it) non-finite, even where the window is zero (0·∞ is NaN).
                    finite &= double.IsFinite(spectra[b * stride]);
                }
                sink.Write(first, count, spectra, stride, bins);
            }
            if (!finite) Signal.ValidateAudio(y); // throws, naming the problem
        }
        finally
        {
            NativeMemory.AlignedFree(input);
            NativeMemory.AlignedFree(spectra);
        }
    }

    // librosa multiplies the float32 frame by the float64 window: the product and the FFT are float64.
    private static void FillPaddedFrame(ReadOnlySpan<float> y, long start, PadMode mode, double[] window, Span<double> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            int src = Padding.SourceIndex(start + i, y.Length, mode);
            frame[i] = src < 0 ? 0.0 : y[src] * window[i];
        }
    }

    private readonly struct ComplexSink(ComplexMatrix m) : ISink
    {
        public void Write(int first, int count, double* spectra, int stride, int bins)
        {
            int cols = m.Columns;
            fixed (float* re = m.Real)
            fixed (float* im = m.Imag)
                for (int k = 0; k < bins; k++)
                {
                    float* r = re + (long)k * cols + first, i = im + (long)k * cols + first;
                    double* s = spectra + 2 * k;
                    for (int b = 0; b < count; b++, s += stride)
                    {
                        r[b] = (float)s[0];
                        i[b] = (float)s[1];
                    }
                }
        }
    }

    private readonly struct MagnitudeSink(Matrix m, float power) : ISink
    {
        // numpy casts the spectrum to complex64, then np.abs is float32 hypot (correctly rounded), then ** power in float32.
        // Each frame's magnitudes are computed along its contiguous spectrum with SIMD, then the block is transposed.
        public void Write(int first, int count, double* spectra, int stride, int bins)
        {
            int cols = m.Columns;
            int pitch = (bins + 15) & ~15;
            float[] block = ArrayPool<float>.Shared.Rent(pitch * Block);
            try
            {
                fixed (float* mags = block)
                fixed (float* data = m.Data)
                {
                    for (int b = 0; b < count; b++)
                    {
                        float* frame = mags + b * pitch;
                        SpectrumMath.InterleavedHypot(spectra + (long)b * stride, bins, frame);
                        if (power == 1f) continue;
                        var row = new Span<float>(frame, bins);
                        if (power == 2f) TensorPrimitives.Multiply(row, row, row);
                        else TensorPrimitives.Pow(row, power, row);
                    }
                    for (int k = 0; k < bins; k++)
                    {
                        float* d = data + (long)k * cols + first;
                        for (int b = 0; b < count; b++) d[b] = mags[b * pitch + k];
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(block);
            }
        }
    }
}
