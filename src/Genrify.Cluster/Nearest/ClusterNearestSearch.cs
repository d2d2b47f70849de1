using Genrify.Data;
using Genrify.Features.Sharding;

namespace Genrify.Cluster.Nearest;

/// <summary>
/// Nearest-song search over a feature store spread across the cluster: a query goes to every part's grain at once,
/// each answers its own k nearest, and the k nearest of those are the store's (exact: every song is some part's).
/// </summary>
public sealed class ClusterNearestSearch
{
    private readonly IReadOnlyList<INearestPartGrain> _parts;

    private ClusterNearestSearch(IReadOnlyList<INearestPartGrain> parts, StoreScaling scaling, IReadOnlyList<string> columns, string? preset)
    {
        _parts = parts;
        Scaling = scaling;
        Columns = columns;
        PresetName = preset;
    }

    /// <summary>The store's standardisation of its index columns.</summary>
    public StoreScaling Scaling { get; }

    /// <summary>The index columns, by name: a query gives a value for each.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The preset the store was extracted with, when its parts name it: a query song is extracted the same way.</summary>
    public string? PresetName { get; }

    /// <summary>
    /// Opens the store in <paramref name="store"/> (a folder of part files, every shard of one split present):
    /// activates one grain per part across the cluster and gathers the store's scaling from them.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder holds no part files, or a split with parts missing.</exception>
    public static async Task<ClusterNearestSearch> OpenAsync(IGrainFactory grains, string store)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        if (!Directory.Exists(store)) throw new DirectoryNotFoundException($"{store}: no such folder");
        var files = Directory.EnumerateFiles(Path.GetFullPath(store))
            .Select(p => (Path: p, Shard: ShardParts.ShardOf(p))).Where(p => p.Shard is not null)
            .OrderBy(p => p.Shard!.Index).ToList();
        if (files.Count == 0) throw new InvalidDataException($"{store}: no part files (named like {ShardParts.FileName(new ShardSpec(0, 8))})");
        int count = files[0].Shard!.Count;
        // Every shard of one split exactly once: a shard twice would answer its songs twice, a missing one not at all.
        if (files.Any(f => f.Shard!.Count != count) || files.Count != count || files.Select(f => f.Shard!.Index).Distinct().Count() != count)
            throw new InvalidDataException($"{store}: {files.Count} part file(s) for a split of {count} (each shard once); finish the job (or keep one split per folder)");
        var parts = files.Select(f => grains.GetGrain<INearestPartGrain>(f.Path)).ToArray();
        var statistics = await Task.WhenAll(parts.Select(p => p.Statistics()));
        var preset = FeatureTable.Load(files[0].Path).PresetName;
        return new ClusterNearestSearch(parts, StoreScaling.Combine(statistics), statistics.First(s => s.Count > 0).FeatureNames, preset);
    }

    /// <summary>The <paramref name="k"/> songs of the store nearest to a song whose index columns hold
    /// <paramref name="values"/> (unscaled, in <see cref="Columns"/> order), nearest first.</summary>
    public async Task<IReadOnlyList<NearSong>> NearestAsync(IReadOnlyList<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var query = Scaling.Apply(values);
        var answers = await Task.WhenAll(_parts.Select(p => p.Nearest(query, Scaling, k)));
        return answers.SelectMany(a => a).OrderBy(n => n.Distance).ThenBy(n => n.Id, StringComparer.Ordinal).Take(k).ToArray();
    }
}
