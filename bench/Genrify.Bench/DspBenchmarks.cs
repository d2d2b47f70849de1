using System.Diagnostics;
using System.Runtime.InteropServices;
using Genrify.Dsp;

namespace Genrify.Bench;

/// <summary>
/// Per-clip timings of the DSP core on a 30 s, 22050 Hz signal (median of repeated runs, single thread), and the
/// single- vs double-precision FFTW comparison behind the choice of double. Usage: dsp [repetitions].
/// </summary>
public static unsafe partial class DspBenchmarks
{
    public static int Run(string[] args)
    {
        int reps = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 20;
        var rng = new Random(1);
        var y = new float[661_500];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(0.3 * Math.Sin(i * 0.05) + 0.1 * (rng.NextDouble() - 0.5));

        var mag = Stft.Magnitude(y);
        var power = Stft.Magnitude(y, power: 2f);
        var bank = MelFilterBank.Create(22050, 2048);
        var mel = bank.Apply(power);
        Console.WriteLine($"30 s clip, {mag.Columns} frames, median of {reps} runs (ms):");
        Report("stft |X| (n_fft 2048, hop 512)", reps, () => Stft.Magnitude(y));
        Report("stft complex", reps, () => Stft.Compute(y));
        Report("mel projection (sparse)", reps, () => bank.Apply(power));
        Report("power_to_db + DCT (mfcc 20)", reps, () => Mfcc.FromLogMel(Decibels.PowerToDb(mel), 20));
        Report("centroid + bandwidth + rolloff", reps, () =>
        {
            SpectralCentroid.FromSpectrogram(mag, 22050);
            SpectralBandwidth.FromSpectrogram(mag, 22050);
            SpectralRolloff.FromSpectrogram(mag, 22050);
        });
        Report("zcr + rms", reps, () => { ZeroCrossingRate.Compute(y); Rms.Compute(y); });
        Report("contrast", reps, () => SpectralContrast.FromSpectrogram(mag, 22050));
        Report("flatness", reps, () => SpectralFlatness.FromSpectrogram(mag));
        Report("istft", reps, () => Istft.Compute(Stft.Compute(y), new IstftOptions { Length = y.Length }));

        // 1292 transforms of 2048 points, as one STFT needs, in each precision (FFTW_ESTIMATE plans, aligned buffers).
        const int n = 2048, frames = 1292;
        var fIn = (float*)NativeMemory.AlignedAlloc(n * 4, 64);
        var fOut = (float*)NativeMemory.AlignedAlloc((n + 2) * 4, 64);
        var dIn = (double*)NativeMemory.AlignedAlloc(n * 8, 64);
        var dOut = (double*)NativeMemory.AlignedAlloc((n + 2) * 8, 64);
        for (int i = 0; i < n; i++) fIn[i] = (float)(dIn[i] = rng.NextDouble());
        var pd = fftw_plan_dft_r2c_1d(n, dIn, dOut, 1u << 6);
        // Single-precision FFTW is not one of Genrify's dependencies: install libfftw3-single3 to time it.
        if (NativeLibrary.TryLoad("libfftw3f.so.3", out _))
        {
            var pf = fftwf_plan_dft_r2c_1d(n, fIn, fOut, 1u << 6);
            Report("1292 × rfft 2048, FFTW float32", reps, () => { for (int i = 0; i < frames; i++) fftwf_execute_dft_r2c(pf, fIn, fOut); });
        }
        else
        {
            Console.WriteLine("  (FFTW float32 skipped: libfftw3f.so.3 is not installed)");
        }
        Report("1292 × rfft 2048, FFTW float64", reps, () => { for (int i = 0; i < frames; i++) fftw_execute_dft_r2c(pd, dIn, dOut); });
        return 0;
    }

    private static void Report(string name, int reps, Action action)
    {
        action();
        var times = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"  {name,-36} {times[reps / 2],8:F2}");
    }

    [LibraryImport("libfftw3f.so.3")] private static partial IntPtr fftwf_plan_dft_r2c_1d(int n, float* i, float* o, uint flags);
    [LibraryImport("libfftw3f.so.3")] private static partial void fftwf_execute_dft_r2c(IntPtr p, float* i, float* o);
    [LibraryImport("libfftw3.so.3")] private static partial IntPtr fftw_plan_dft_r2c_1d(int n, double* i, double* o, uint flags);
    [LibraryImport("libfftw3.so.3")] private static partial void fftw_execute_dft_r2c(IntPtr p, double* i, double* o);
}
