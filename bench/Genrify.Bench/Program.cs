namespace Genrify.Bench;

/// <summary>
/// The benchmark program (see docs/benchmarks.md): <c>dotnet run -c Release --project bench/Genrify.Bench -- SUITE [args]</c>.
/// Each suite lives in its own file and prints its own table; run with no arguments to list them.
/// </summary>
public static class Program
{
    /// <summary>Suite name → entry point and a one-line description.</summary>
    private static readonly Dictionary<string, (Func<string[], int> Run, string About)> Suites = new()
    {
        ["audio"] = (AudioBenchmarks.Run, "decode + resample per file (librosa.load defaults)"),
        ["dsp"] = (DspBenchmarks.Run, "STFT, mel, MFCC, spectral features per clip"),
        ["rhythm"] = (RhythmBenchmarks.Run, "onset strength, tempo, beat tracking, HPSS per clip"),
        ["learning"] = (LearningBenchmarks.Run, "cross-validation of the learners on the GTZAN table"),
        ["svm"] = (SvmBenchmarks.Run, "SVM training on 5000 x 57 jittered GTZAN rows (compare with scripts/svm_sklearn_bench.py)"),
        ["presets"] = (PresetBenchmarks.Run, "seed/gtzan/full ms per 30 s clip from decoded PCM, gtzan stage profile (pin: taskset -c 0)"),
        ["e2e"] = (EndToEndBenchmarks.Run, "44.1 kHz stereo mp3 -> gtzan vector (load + preset) vs librosa load + gtzan (pin: taskset -c 0)"),
        ["folder"] = (FolderBenchmarks.Run, "batch extraction of a folder of clips, 1 vs 2 workers"),
        ["fftw-wisdom"] = (WisdomGenerator.Run, "print FFTW_MEASURE wisdom for the FFT sizes in use (> src/Genrify.Dsp/Native/fftw-wisdom.txt)"),
        ["cli"] = (CliBenchmarks.Run, "start-to-exit of the published genrify: features, predict"),
        ["musicnn"] = (MusiCnnBenchmarks.Run, "MusiCNN network per clip: ONNX Runtime against the earlier libtorch port, side by side; GFLOP/s"),
        ["web"] = (WebBenchmarks.Run, "genrify serve under load: req/s, p50/p95 latency, server RSS over 1000 POSTs of a 30 s mp3"),
        ["knn"] = (NearestSongBenchmarks.Run, "exact nearest-song search (k=10) over 10k/100k/1M x 200 float32, one core, against one pass over the same memory (pin: taskset -c 0)"),
        ["collect"] = (CollectBenchmarks.Run, "genrify collect's downloader against plain parallel HttpClient downloads of 200 loopback clips with a fixed latency"),
        ["cluster"] = (ClusterBenchmarks.Run, "one extract job on 1 silo pinned to core 0 against 2 silos pinned to cores 0 and 1 (published genrify, loopback cluster)"),
        ["soak"] = (SoakBenchmarks.Run, "genrify serve under hostile load for a few minutes: good, bad, bomb, slow and cross-origin uploads; answers, RSS, upload files, /healthz"),
    };

    /// <summary>Runs the suite named by the first argument with the remaining arguments.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Suites.TryGetValue(args[0], out var suite))
        {
            Console.Error.WriteLine(args.Length == 0 ? "usage: Genrify.Bench SUITE [args]" : $"unknown suite '{args[0]}'");
            foreach (var (name, (_, about)) in Suites) Console.Error.WriteLine($"  {name,-10} {about}");
            return args.Length == 0 ? 0 : 2;
        }
        return suite.Run(args[1..]);
    }
}
