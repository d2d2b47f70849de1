using Genrify.Data;
using Genrify.Explore;
using Orleans.Placement;

namespace Genrify.Cluster.Nearest;

/// <summary>
/// Loads its part file once, and builds its index once per store scaling (the same for every query of a store).
/// Placed by activation count, so a store's parts spread evenly over the silos. Reading a part and building its index
/// run on a thread of their own: a store of many parts would otherwise hold every thread of the silo's pool, which
/// Orleans' own messages and liveness probes need.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class NearestPartGrain : Grain, INearestPartGrain
{
    private FeatureTable? _part;
    private int[] _columns = [];
    private StoreScaling? _scaling;
    private NearestSongIndex? _index;

    public async Task<PartStatistics> Statistics()
    {
        var part = await PartAsync();
        int n = part.Rows.Count;
        var mean = new double[_columns.Length];
        var deviations = new double[_columns.Length];
        for (int c = 0; c < _columns.Length && n > 0; c++)
        {
            int column = _columns[c];
            double sum = 0;
            foreach (var row in part.Rows) sum += row.Values[column];
            mean[c] = sum / n;
            double squares = 0;
            foreach (var row in part.Rows) squares += (row.Values[column] - mean[c]) * (row.Values[column] - mean[c]);
            deviations[c] = squares;
        }
        return new PartStatistics(_columns.Select(c => part.FeatureNames[c]).ToArray(), n, mean, deviations);
    }

    public async Task<IReadOnlyList<NearSong>> Nearest(float[] query, StoreScaling scaling, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var part = await PartAsync();
        if (part.Rows.Count == 0) return [];
        if (query.Length != _columns.Length)
            throw new ArgumentException($"the query has {query.Length} values; the store's index has {_columns.Length} columns", nameof(query));
        if (_index is null || !SameScaling(_scaling, scaling))
        {
            var columns = _columns;
            _index = await OwnThread(() =>
            {
                var vectors = part.Rows.SelectMany(r => scaling.Apply(columns.Select(c => r.Values[c]).ToArray())).ToArray();
                return new NearestSongIndex(part.Rows.Select((r, i) => r.Id ?? r.File ?? $"row {i}").ToArray(),
                    part.Rows.Select(r => string.Join('|', r.Genres)).ToArray(), vectors, columns.Length);
            });
            _scaling = scaling;
        }
        var found = _index.Query(query, Math.Min(k, part.Rows.Count));
        return found.Select(n => new NearSong(n.Id, part.Rows[n.Index].File, n.Genres.ToArray(), n.Distance)).ToArray();
    }

    private async Task<FeatureTable> PartAsync()
    {
        if (_part is null)
        {
            var path = this.GetPrimaryKeyString();
            _part = await OwnThread(() => FeatureTable.Load(path));
            _columns = IndexColumns.Of(_part.FeatureNames);
        }
        return _part;
    }

    private static Task<T> OwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static bool SameScaling(StoreScaling? a, StoreScaling b) =>
        a is not null && a.Mean.AsSpan().SequenceEqual(b.Mean) && a.Scale.AsSpan().SequenceEqual(b.Scale);
}
