using System.Diagnostics;

namespace Genrify.Bench;

/// <summary>
/// Start-to-exit wall time of the published <c>genrify</c> (ReadyToRun, in .build/cli; run <c>./genrify --help</c>
/// once to publish it): the audio core's bar (one-clip <c>features</c> under 0.5 s) and prediction's bar (<c>predict</c> on
/// the bundled clip under 1 s). Each command runs N times after 2 untimed runs; the median and the best are printed,
/// with the children's user+sys CPU time. Usage: <c>cli [--runs N]</c>.
/// </summary>
public static partial class CliBenchmarks
{
    /// <summary>Runs the suite; returns 0, or 2 when the CLI is not published.</summary>
    public static int Run(string[] args)
    {
        int runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1]) : 15;
        string root = BenchPaths.RepositoryRoot;
        string exe = Path.Combine(root, ".build", "cli", "genrify");
        if (!File.Exists(exe))
        {
            Console.Error.WriteLine($"cli: {exe}: not published; run ./genrify --help once first.");
            return 2;
        }
        string clip = Path.Combine("tests", "data", "audio", "clip09_edm_128_44k_stereo_192k.mp3");
        string sample = Path.Combine("samples", "muldjord_armygeddon_30s.ogg");
        var commands = new (string Args, double BarMs)[]
        {
            ($"--help", double.NaN),
            ($"features {clip} --preset seed", 500),
            ($"features {clip} --preset gtzan", 500),
            ($"features {sample} --preset gtzan", 500),
            ($"predict {sample}", 1000),
        };
        Console.WriteLine($"{exe}, {runs} runs each after 2 warm-up runs (ms; cwd {root})");
        Console.WriteLine($"{"command",-70} {"median",8} {"best",8} {"cpu med",8} {"bar",6}");
        foreach (var (arguments, bar) in commands)
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            for (int i = 0; i < runs + 2; i++)
            {
                var (w, c, code) = Time(exe, arguments, root);
                if (code != 0)
                {
                    Console.Error.WriteLine($"cli: 'genrify {arguments}' exited with {code}");
                    return 1;
                }
                if (i < 2) continue;
                wall.Add(w);
                cpu.Add(c);
            }
            double median = PresetBenchmarks.MedianOf(wall);
            string verdict = double.IsNaN(bar) ? "" : median < bar ? $"<{bar:F0} met" : $"<{bar:F0} NOT met";
            Console.WriteLine($"{"genrify " + arguments,-70} {median,8:F0} {wall.Min(),8:F0} {PresetBenchmarks.MedianOf(cpu),8:F0} {verdict}");
        }
        return 0;
    }

    private static (double WallMs, double CpuMs, int ExitCode) Time(string exe, string arguments, string cwd)
    {
        var info = new ProcessStartInfo(exe, arguments)
        {
            WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        double cpuBefore = ChildrenCpuMs();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        double wall = clock.Elapsed.TotalMilliseconds;
        stdout.Wait();
        stderr.Wait();
        return (wall, ChildrenCpuMs() - cpuBefore, process.ExitCode);
    }

    /// <summary>user + sys CPU ms of this process's reaped children (getrusage(RUSAGE_CHILDREN)); 0 off Linux.</summary>
    private static unsafe double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        long* usage = stackalloc long[18]; // struct rusage on 64-bit Linux: two timevals, then 14 longs
        if (getrusage(-1, usage) != 0) return 0;
        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    [System.Runtime.InteropServices.LibraryImport("libc")]
    private static unsafe partial int getrusage(int who, long* usage);
}
