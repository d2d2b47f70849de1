using Genrify.Explore;
using Genrify.Learning;
using Genrify.Pipeline.Insight;

namespace Genrify.Web;

/// <summary>
/// The songs the server compares uploads with and shows at <c>/collection</c>: the model's own training songs, or the
/// collection given with <c>--collection</c>, as points of the space the model compares songs in.
/// </summary>
public sealed class SongCollection
{
    /// <summary>The genre a song without one is drawn under.</summary>
    public const string UnknownGenre = "unknown";

    private SongCollection(NearestSongIndex songs, IReadOnlyList<string> dimensions, string source, string? space)
    {
        Songs = songs;
        Dimensions = dimensions;
        Source = source;
        Space = space;
    }

    /// <summary>The songs, their genres and their vectors.</summary>
    public NearestSongIndex Songs { get; }

    /// <summary>The name of each dimension of a song's vector (the model's space's features).</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>Where the songs come from, for people ("the model's training songs", "manifest.csv").</summary>
    public string Source { get; }

    /// <summary>What the songs are compared by, for people, or null.</summary>
    public string? Space { get; }

    /// <summary>
    /// The collection <paramref name="explainer"/> compares songs with, or null when it has none (a model without songs
    /// and no <c>--collection</c>). <paramref name="source"/> says where the songs come from.
    /// </summary>
    public static SongCollection? Of(SongExplainer explainer, string source)
    {
        ArgumentNullException.ThrowIfNull(explainer);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (explainer.Songs is not { } songs) return null;
        var space = SongEmbedding.Of(explainer.Predictor)
            ?? throw new ArgumentException("a collection needs a model that compares songs in a space of features", nameof(explainer));
        return new SongCollection(songs, space.Preset.FeatureNames, source, space.Description);
    }

    /// <summary>
    /// The songs as a labelled dataset of their vectors, for <see cref="CollectionMap.Build"/>: each song's first genre
    /// is its label (<see cref="UnknownGenre"/> when it has none), every genre is kept in its label set.
    /// </summary>
    public Dataset ToDataset()
    {
        var genres = Enumerable.Range(0, Songs.Count).Select(GenresOf).ToArray();
        var classes = genres.SelectMany(g => g).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classIndex = classes.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);
        var labelSets = genres.Select(set => set.Select(g => classIndex[g]).ToArray()).ToArray();
        var rows = Enumerable.Range(0, Songs.Count).Select(i => Array.ConvertAll(Songs.Vector(i).ToArray(), v => (double)v)).ToArray();
        return new Dataset(Dimensions, rows, labelSets.Select(s => s[0]).ToArray(), classes, Songs.Ids, labelSets: labelSets);
    }

    /// <summary>The genres of song <paramref name="index"/> (at least one: <see cref="UnknownGenre"/> when it has none).</summary>
    public IReadOnlyList<string> GenresOf(int index)
    {
        var genres = Songs.GenreTexts[index].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToArray();
        return genres.Length > 0 ? genres : [UnknownGenre];
    }

    /// <summary>What <c>GET /api/collection</c> answers.</summary>
    public CollectionSummary Summary()
    {
        var counts = Enumerable.Range(0, Songs.Count).GroupBy(i => GenresOf(i)[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GenreCount(g.Key, g.Count())).ToArray();
        return new CollectionSummary(Source, Songs.Count, counts, Space);
    }
}
