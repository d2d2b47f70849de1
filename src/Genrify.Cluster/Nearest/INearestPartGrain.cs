namespace Genrify.Cluster.Nearest;

/// <summary>
/// One part file of a feature store, held in memory by whichever silo activated it, answering nearest-song queries
/// over its songs. Keyed by the part file's full path; a store of n parts spreads over the cluster as n grains.
/// </summary>
public interface INearestPartGrain : IGrainWithStringKey
{
    /// <summary>The means and spreads of the part's index columns (<see cref="IndexColumns"/>).</summary>
    Task<PartStatistics> Statistics();

    /// <summary>The part's <paramref name="k"/> songs nearest to <paramref name="query"/> (already standardised by
    /// <paramref name="scaling"/>), nearest first.</summary>
    Task<IReadOnlyList<NearSong>> Nearest(float[] query, StoreScaling scaling, int k);
}
