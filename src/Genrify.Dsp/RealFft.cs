using System.Runtime.InteropServices;
using Genrify.Dsp.Native;

namespace Genrify.Dsp;

/// <summary>
/// Real-input FFT of one size through double-precision FFTW (numpy's rfft/irfft are float64; single precision is not
/// accurate enough for librosa's spectral contrast, whose valleys sit 140 dB below the frame peak).
/// Plans are created once per size under a lock (FFTW's planner is not thread-safe) with FFTW_ESTIMATE and run with
/// the new-array execute functions, which are thread-safe. Spectra are interleaved complex (re, im), <c>n/2 + 1</c>
/// bins, unnormalised like numpy's rfft.
/// </summary>
public sealed unsafe class RealFft
{
    private static readonly Dictionary<int, RealFft> Plans = new();
    private static readonly object PlannerLock = new();

    private readonly IntPtr _forwardAligned, _inverseAligned, _forwardUnaligned, _inverseUnaligned;

    private RealFft(int n) : this(n, Fftw.Estimate)
    {
    }

    private RealFft(int n, uint rigour)
    {
        Size = n;
        Bins = n / 2 + 1;
        // Plan on 64-byte aligned scratch so that the aligned plans may use SIMD loads on any 64-byte aligned buffer.
        double* real = AllocAligned(n);
        double* complex = AllocAligned(2 * Bins);
        try
        {
            _forwardAligned = FftwDouble.PlanR2C(n, real, complex, rigour);
            _inverseAligned = FftwDouble.PlanC2R(n, complex, real, rigour | Fftw.DestroyInput);
            _forwardUnaligned = FftwDouble.PlanR2C(n, real, complex, rigour | Fftw.Unaligned);
            _inverseUnaligned = FftwDouble.PlanC2R(n, complex, real, rigour | Fftw.Unaligned | Fftw.DestroyInput);
        }
        finally
        {
            NativeMemory.AlignedFree(real);
            NativeMemory.AlignedFree(complex);
        }
        if (_forwardAligned == IntPtr.Zero || _inverseAligned == IntPtr.Zero || _forwardUnaligned == IntPtr.Zero || _inverseUnaligned == IntPtr.Zero)
            throw new InvalidOperationException($"FFTW could not plan a real FFT of size {n}.");
    }

    /// <summary>Transform length.</summary>
    public int Size { get; }

    /// <summary>Number of complex output bins, <c>Size/2 + 1</c>.</summary>
    public int Bins { get; }

    /// <summary>The cached transform of length <paramref name="n"/> (created on first use; plans live for the process).</summary>
    public static RealFft Get(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "FFT size must be positive.");
        lock (PlannerLock)
        {
            LoadWisdom();
            if (!Plans.TryGetValue(n, out var fft))
            {
                fft = new RealFft(n);
                Plans[n] = fft;
            }
            return fft;
        }
    }

    private static bool _wisdomLoaded;

    /// <summary>Whether the bundled wisdom was accepted by this FFTW (false: plans are FFTW_ESTIMATE's own guesses).</summary>
    public static bool WisdomLoaded { get; private set; }

    /// <summary>
    /// Imports the bundled FFTW wisdom (Native/fftw-wisdom.txt, made by <see cref="MeasureWisdom"/>) once, under the
    /// planner lock. With it an FFTW_ESTIMATE plan is the plan FFTW_MEASURE found, at no planning cost: for n = 512,
    /// ESTIMATE alone picks a transform 4× slower than the measured one, and measuring at start-up costs 150 ms.
    /// Wisdom only chooses among FFTW's algorithms (all exact to float64 rounding); an FFTW that rejects it, or a CPU
    /// without the SIMD it names, falls back to ESTIMATE.
    /// </summary>
    private static void LoadWisdom()
    {
        if (_wisdomLoaded) return;
        _wisdomLoaded = true;
        using var stream = typeof(RealFft).Assembly.GetManifestResourceStream("Genrify.Dsp.Native.fftw-wisdom.txt");
        if (stream is null) return;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.WriteByte(0);
        fixed (byte* text = buffer.GetBuffer())
            WisdomLoaded = FftwDouble.ImportWisdom(text) == 1;
    }

    /// <summary>
    /// Plans every transform RealFft makes for <paramref name="sizes"/> with FFTW_MEASURE and returns FFTW's wisdom
    /// (the text of Native/fftw-wisdom.txt; regenerate with the bench program's <c>fftw-wisdom</c> suite). Slow.
    /// </summary>
    public static string MeasureWisdom(IEnumerable<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        lock (PlannerLock)
        {
            foreach (int n in sizes)
            {
                if (n < 1) throw new ArgumentOutOfRangeException(nameof(sizes), n, "FFT size must be positive.");
                _ = new RealFft(n, Fftw.Measure); // the plans live for the process, like the cached ones
            }
            byte* text = FftwDouble.ExportWisdom();
            try
            {
                return Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
            }
            finally
            {
                FftwDouble.Free(text);
            }
        }
    }

    /// <summary>Forward transform of <paramref name="input"/> (Size samples) into <paramref name="spectrum"/> (2·Bins values, interleaved).</summary>
    public void Forward(ReadOnlySpan<double> input, Span<double> spectrum)
    {
        if (input.Length != Size) throw new ArgumentException($"input must hold {Size} samples.", nameof(input));
        if (spectrum.Length != 2 * Bins) throw new ArgumentException($"spectrum must hold {2 * Bins} values.", nameof(spectrum));
        fixed (double* i = input)
        fixed (double* o = spectrum)
            FftwDouble.ExecuteR2C(_forwardUnaligned, i, o);
    }

    /// <summary>
    /// Inverse transform of <paramref name="spectrum"/> (2·Bins values, destroyed) into <paramref name="output"/> (Size samples),
    /// unnormalised: the result is Size times numpy's irfft. The imaginary parts of DC and Nyquist are ignored, as numpy does.
    /// </summary>
    public void InverseUnnormalized(Span<double> spectrum, Span<double> output)
    {
        if (output.Length != Size) throw new ArgumentException($"output must hold {Size} samples.", nameof(output));
        if (spectrum.Length != 2 * Bins) throw new ArgumentException($"spectrum must hold {2 * Bins} values.", nameof(spectrum));
        fixed (double* i = spectrum)
        fixed (double* o = output)
            FftwDouble.ExecuteC2R(_inverseUnaligned, i, o);
    }

    /// <summary>Forward transform on 64-byte aligned buffers (see <see cref="AllocAligned"/>).</summary>
    internal void ForwardAligned(double* input, double* spectrum) => FftwDouble.ExecuteR2C(_forwardAligned, input, spectrum);

    /// <summary>Unnormalised inverse transform on 64-byte aligned buffers (destroys <paramref name="spectrum"/>).</summary>
    internal void InverseAligned(double* spectrum, double* output) => FftwDouble.ExecuteC2R(_inverseAligned, spectrum, output);

    /// <summary>A zeroed 64-byte aligned native buffer of <paramref name="count"/> doubles; free with NativeMemory.AlignedFree.</summary>
    internal static double* AllocAligned(int count)
    {
        nuint bytes = (nuint)Math.Max(1, count) * sizeof(double);
        var p = (double*)NativeMemory.AlignedAlloc(bytes, 64);
        NativeMemory.Clear(p, bytes);
        return p;
    }
}
