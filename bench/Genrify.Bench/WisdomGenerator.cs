using Genrify.Dsp;

namespace Genrify.Bench;

/// <summary>
/// Writes FFTW wisdom for the transform sizes the project uses (FFTW_MEASURE, about 0.2–0.5 s per size) to standard
/// output: <c>dotnet run -c Release --project bench/Genrify.Bench -- fftw-wisdom &gt; src/Genrify.Dsp/Native/fftw-wisdom.txt</c>.
/// Run it on the kind of machine the project runs on; the file is embedded in Genrify.Dsp and loaded on first FFT.
/// </summary>
public static class WisdomGenerator
{
    /// <summary>Sizes: the seed STFT (512), librosa's default n_fft (2048) and their neighbours.</summary>
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [256, 512, 1024, 2048, 4096];
        Console.Write(RealFft.MeasureWisdom(sizes));
        return 0;
    }
}
