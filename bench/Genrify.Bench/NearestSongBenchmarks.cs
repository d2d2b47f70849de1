using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Genrify.Explore;

namespace Genrify.Bench;

/// <summary>
/// Exact nearest-song search (<see cref="NearestSongIndex"/>, k = 10) over synthetic collections of 200-dimensional
/// float32 vectors, on one core, next to the memory-bandwidth floor measured in the same run: the time one core takes
/// to stream the same matrix once (<see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/> over the whole array, best
/// of several). A query makes one pass over the matrix, so the ratio of the two says how close it runs to the memory.
/// Usage: <c>knn [SIZE ...] [--queries N]</c> (default sizes 10000 100000 1000000, 15 queries). Pin it: <c>taskset -c 0</c>.
/// </summary>
public static class NearestSongBenchmarks
{
    private const int Dimensions = 200;
    private const int K = 10;

    /// <summary>Entry point.</summary>
    public static int Run(string[] args)
    {
        var sizes = new List<int>();
        int queries = 15;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--queries" && i + 1 < args.Length) queries = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) && size > 0) sizes.Add(size);
            else
            {
                Console.Error.WriteLine("usage: knn [SIZE ...] [--queries N]");
                return 2;
            }
        }
        if (sizes.Count == 0) sizes.AddRange([10_000, 100_000, 1_000_000]);
        WarmUp();

        Console.WriteLine($"exact k-NN, k={K}, {Dimensions} float32 dimensions, one thread; query: median of {queries}; floor: one pass of " +
                          "TensorPrimitives.Sum over the matrix, best of 7; times are wall (thread CPU in brackets)");
        Console.WriteLine("| songs | matrix | floor ms | floor GB/s | query ms | query GB/s | query / floor, wall (CPU) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int size in sizes)
        {
            Measure(size, queries);
            // The 1M matrix is 800 MB: let it go before the next size.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return 0;
    }

    private static void Measure(int songs, int queries)
    {
        var random = new Random(20240601);
        var vectors = new float[checked(songs * Dimensions)];
        for (int i = 0; i < vectors.Length; i++) vectors[i] = random.NextSingle() * 2 - 1;
        var ids = new string[songs];
        for (int i = 0; i < songs; i++) ids[i] = i.ToString(CultureInfo.InvariantCulture);
        var index = new NearestSongIndex(ids, Enumerable.Repeat("genre", songs).ToArray(), vectors, Dimensions);
        double megabytes = vectors.Length * 4.0 / 1e6;

        // Floor: the same bytes streamed once, nothing else done with them.
        var floor = Enumerable.Range(0, 7).Select(_ => Time(() => TensorPrimitives.Sum<float>(vectors))).MinBy(t => t.WallMs);

        var query = new float[Dimensions];
        var timings = new List<(double WallMs, double CpuMs)>();
        for (int q = -2; q < queries; q++) // two warm-up queries
        {
            for (int j = 0; j < Dimensions; j++) query[j] = random.NextSingle() * 2 - 1;
            var timing = Time(() => index.Query(query, K).Count);
            if (q >= 0) timings.Add(timing);
        }
        var median = timings.OrderBy(t => t.WallMs).ElementAt(timings.Count / 2);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {songs:N0} | {megabytes:F0} MB | {floor.WallMs:F2} ({floor.CpuMs:F2}) | {megabytes / floor.WallMs:F1} | {median.WallMs:F2} ({median.CpuMs:F2}) | {megabytes / median.WallMs:F1} | {median.WallMs / floor.WallMs:F2} ({median.CpuMs / floor.CpuMs:F2}) |"));
    }

    // Runs the query and the floor on a small collection for at least 5 s and until a round of queries stops getting
    // faster, so the JIT's tiering has compiled them fully before anything is timed. On a loaded machine the background
    // compiler can take seconds to get its turn; a fixed handful of warm-up calls would time tier-0 code.
    private static void WarmUp()
    {
        var random = new Random(1);
        const int songs = 2000;
        var vectors = new float[songs * Dimensions];
        for (int i = 0; i < vectors.Length; i++) vectors[i] = random.NextSingle() * 2 - 1;
        var index = new NearestSongIndex(Enumerable.Range(0, songs).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Repeat("genre", songs).ToArray(), vectors, Dimensions);
        double best = double.PositiveInfinity;
        int stale = 0;
        var clock = Stopwatch.StartNew();
        while ((stale < 3 || clock.Elapsed < TimeSpan.FromSeconds(5)) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var start = ThreadClock.Now();
            for (int q = 0; q < 100; q++)
            {
                index.Query(vectors.AsSpan(q * Dimensions, Dimensions), K);
                TensorPrimitives.Sum<float>(vectors);
            }
            double cpuMs = ThreadClock.Since(start).CpuMs;
            if (cpuMs < 0.95 * best) { best = cpuMs; stale = 0; }
            else stale++;
            Thread.Sleep(200); // the background compiler's turn
        }
    }

    private static (double WallMs, double CpuMs) Time<T>(Func<T> work)
    {
        var start = ThreadClock.Now();
        var result = work();
        var elapsed = ThreadClock.Since(start);
        GC.KeepAlive(result);
        return elapsed;
    }
}
