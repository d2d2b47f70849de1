namespace Genrify.Learning.Tests;

/// <summary>
/// Emotify's feature table with nested genres: classical split by artist into "baroque" and "serialism", electronic
/// into "house" and "techno" (artists alternate in name order, so no artist is in two kinds); pop and rock stay flat.
/// </summary>
internal static class FamilyTables
{
    public static readonly GenreTaxonomy Taxonomy = GenreTaxonomy.Parse("classical: baroque, serialism\nelectronic: house, techno\n");

    public static string KindOf(string genre, string artist, IReadOnlyList<string> artistsOfGenre) =>
        genre switch
        {
            "classical" => artistsOfGenre.IndexOf(artist) % 2 == 0 ? "baroque" : "serialism",
            "electronic" => artistsOfGenre.IndexOf(artist) % 2 == 0 ? "house" : "techno",
            _ => genre,
        };

    private static int IndexOf(this IReadOnlyList<string> list, string item) => list.ToList().IndexOf(item);

    /// <summary>The table's rows, relabelled with the kinds; features, artists and folds as they are.</summary>
    public static Dataset Emotify()
    {
        var data = Dataset.Read(Tables.Path("emotify_librosa_gtzan_features_with_folds.csv"));
        var genres = data.Labels.Select(l => data.ClassNames[l]).ToArray();
        var artistsOf = genres.Distinct().ToDictionary(g => g,
            g => (IReadOnlyList<string>)Enumerable.Range(0, data.Count).Where(i => genres[i] == g).Select(i => data.Groups![i]).Distinct().Order(StringComparer.Ordinal).ToArray());
        var kinds = Enumerable.Range(0, data.Count).Select(i => KindOf(genres[i], data.Groups![i], artistsOf[genres[i]])).ToArray();
        var classes = kinds.Distinct().Order(StringComparer.Ordinal).ToArray();
        return new Dataset(data.FeatureNames, data.Rows, kinds.Select(k => Array.IndexOf(classes, k)).ToArray(), classes,
            data.Ids, data.Groups, data.Folds);
    }
}
