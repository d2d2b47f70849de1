using System.Runtime.InteropServices;
using Genrify.Dsp.Native;

namespace Genrify.Dsp;

/// <summary>
/// Real-input FFT of one size through single-precision FFTW. Plans are created once per size (FFTW's planner
/// is not thread-safe, so under a lock) and executed with the new-array functions, which are thread-safe.
/// Spectra are interleaved complex (re, im) with <c>n/2 + 1</c> bins, unnormalised like numpy's rfft.
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
        float* real = AllocAligned(n);
        float* complex = AllocAligned(2 * Bins);
        try
        {
            _forwardAligned = Fftw.PlanR2C(n, real, complex, Fftw.Estimate);
            _inverseAligned = Fftw.PlanC2R(n, complex, real, Fftw.Estimate | Fftw.DestroyInput);
            _forwardUnaligned = Fftw.PlanR2C(n, real, complex, Fftw.Estimate | Fftw.Unaligned);
            _inverseUnaligned = Fftw.PlanC2R(n, complex, real, Fftw.Estimate | Fftw.Unaligned | Fftw.DestroyInput);
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

    /// <summary>Forward transform of <paramref name="input"/> (Size samples) into <paramref name="spectrum"/> (2·Bins floats, interleaved).</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> spectrum)
    {
        if (input.Length != Size) throw new ArgumentException($"input must hold {Size} samples.", nameof(input));
        if (spectrum.Length != 2 * Bins) throw new ArgumentException($"spectrum must hold {2 * Bins} floats.", nameof(spectrum));
        fixed (float* i = input)
        fixed (float* o = spectrum)
            Fftw.ExecuteR2C(_forwardUnaligned, i, o);
    }

    /// <summary>
    /// Inverse transform of <paramref name="spectrum"/> (2·Bins floats, destroyed) into <paramref name="output"/> (Size samples),
    /// unnormalised: the result is Size times numpy's irfft. The imaginary parts of DC and Nyquist are ignored, as numpy does.
    /// </summary>
    public void InverseUnnormalized(Span<float> spectrum, Span<float> output)
    {
        if (output.Length != Size) throw new ArgumentException($"output must hold {Size} samples.", nameof(output));
        if (spectrum.Length != 2 * Bins) throw new ArgumentException($"spectrum must hold {2 * Bins} floats.", nameof(spectrum));
        fixed (float* i = spectrum)
        fixed (float* o = output)
            Fftw.ExecuteC2R(_inverseUnaligned, i, o);
    }

    /// <summary>Forward transform on 64-byte aligned buffers (see <see cref="AllocAligned"/>).</summary>
    internal void ForwardAligned(float* input, float* spectrum) => Fftw.ExecuteR2C(_forwardAligned, input, spectrum);

    /// <summary>Unnormalised inverse transform on 64-byte aligned buffers (destroys <paramref name="spectrum"/>).</summary>
    internal void InverseAligned(float* spectrum, float* output) => Fftw.ExecuteC2R(_inverseAligned, spectrum, output);

    /// <summary>A zeroed 64-byte aligned native buffer of <paramref name="count"/> floats; free with NativeMemory.AlignedFree.</summary>
    internal static float* AllocAligned(int count)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, count) * sizeof(float), 64);
        NativeMemory.Clear(p, (nuint)Math.Max(1, count) * sizeof(float));
        return p;
    }
}
