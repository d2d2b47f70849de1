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

    private RealFft(int n)
    {
        Size = n;
        Bins = n / 2 + 1;
        // Plan on 64-byte aligned scratch so that the aligned plans may use SIMD loads on any 64-byte aligned buffer.
        double* real = AllocAligned(n);
        double* complex = AllocAligned(2 * Bins);
        try
        {
            _forwardAligned = FftwDouble.PlanR2C(n, real, complex, Fftw.Estimate);
            _inverseAligned = FftwDouble.PlanC2R(n, complex, real, Fftw.Estimate | Fftw.DestroyInput);
            _forwardUnaligned = FftwDouble.PlanR2C(n, real, complex, Fftw.Estimate | Fftw.Unaligned);
            _inverseUnaligned = FftwDouble.PlanC2R(n, complex, real, Fftw.Estimate | Fftw.Unaligned | Fftw.DestroyInput);
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
            if (!Plans.TryGetValue(n, out var fft))
            {
                fft = new RealFft(n);
                Plans[n] = fft;
            }
            return fft;
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
