using System.Globalization;
using Genrify.Reports;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// Writes a <see cref="CollectionMap"/> and the genres' neighbourhoods as files: the maps as PNGs, one interactive
/// offline HTML page (hover names the song, a click plays it when its audio is on this disk), and the adjacency heat
/// maps. <c>genrify map</c> writes them; <c>genrify report</c> embeds the same pictures and fragments.
/// </summary>
public static class CollectionMapFiles
{
    /// <summary>PCA's map.</summary>
    public const string PcaFile = "map-pca.png";

    /// <summary>t-SNE's map.</summary>
    public const string TsneFile = "map-tsne.png";

    /// <summary>The interactive page.</summary>
    public const string HtmlFile = "map.html";

    /// <summary>Closeness by confusion.</summary>
    public const string ConfusionAdjacencyFile = "adjacency-confusion.png";

    /// <summary>Distance between centroids.</summary>
    public const string CentroidAdjacencyFile = "adjacency-centroids.png";

    /// <summary>
    /// Writes every file into <paramref name="folder"/>; <paramref name="audioById"/> (song id → audio file) makes the
    /// page's points playable, through links relative to the folder.
    /// </summary>
    public static IReadOnlyList<WrittenPicture> Write(CollectionMap map, GenreNeighbourhoods? neighbourhoods, string folder, string title,
        IReadOnlyDictionary<string, string>? audioById = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        Directory.CreateDirectory(folder);
        var written = new List<WrittenPicture>();
        var palette = GenrePalette.For(map.Genres);
        var pca = Path.Combine(folder, PcaFile);
        MapPlot.SavePng(pca, map.Pca, map.Genres, $"PCA map of {map.Ids.Count} songs ({map.View})", PcaAxis(map, 0), PcaAxis(map, 1), palette);
        written.Add(new WrittenPicture(pca, $"PCA of the standardised columns ({map.View})"));
        if (map.Tsne is not null)
        {
            var tsne = Path.Combine(folder, TsneFile);
            MapPlot.SavePng(tsne, map.Tsne, map.Genres, $"t-SNE map of {map.Ids.Count} songs ({map.View})", "t-SNE 1", "t-SNE 2", palette);
            written.Add(new WrittenPicture(tsne, $"t-SNE of the standardised columns ({map.View}; neighbours kept near, distances between groups mean little)"));
        }
        if (neighbourhoods is not null) written.AddRange(WriteAdjacency(neighbourhoods, folder));

        var html = Path.Combine(folder, HtmlFile);
        var page = new HtmlReport(title);
        AddMaps(page, map, Path.GetFullPath(folder), audioById);
        AddClusters(page, map);
        if (neighbourhoods is not null) page.AddHeading("Genre neighbourhoods").AddParagraph(neighbourhoods.Adjacency.Reading());
        page.Save(html);
        written.Add(new WrittenPicture(html, "the interactive map (hover: song; click: play)"));
        return written;
    }

    /// <summary>The adjacency heat maps (by confusion when known, and by centroid distance).</summary>
    public static IReadOnlyList<WrittenPicture> WriteAdjacency(GenreNeighbourhoods neighbourhoods, string folder)
    {
        ArgumentNullException.ThrowIfNull(neighbourhoods);
        var written = new List<WrittenPicture>();
        var names = neighbourhoods.Adjacency.Names;
        if (neighbourhoods.ConfusionCloseness is { } closeness)
        {
            var path = Path.Combine(folder, ConfusionAdjacencyFile);
            AdjacencyHeatmap.SavePng(path, names, closeness.Select(r => r.Select(v => 100 * v).ToArray()).ToArray(),
                "Genres mistaken for each other (cross-validated)", "songs called the other genre (%)");
            written.Add(new WrittenPicture(path, "closeness by confusion: the share of two genres' songs a cross-validated classifier calls the other"));
        }
        var centroids = Path.Combine(folder, CentroidAdjacencyFile);
        AdjacencyHeatmap.SavePng(centroids, names, neighbourhoods.CentroidDistances,
            "Distance between genre centroids", "distance (standardised features)");
        written.Add(new WrittenPicture(centroids, "distance between the genres' average songs, on standardised features (each column in units of its standard deviation)"));
        return written;
    }

    /// <summary>Adds the interactive maps (t-SNE first when drawn) to <paramref name="page"/>.</summary>
    public static void AddMaps(HtmlReport page, CollectionMap map, string folder, IReadOnlyDictionary<string, string>? audioById)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(map);
        page.AddHeading("Map");
        page.AddParagraph($"{map.Ids.Count} songs, each a point coloured by its genre. Hover over a point to see the song"
            + (audioById is { Count: > 0 } ? ", click it to hear it" : "") + "; click a genre in the legend to hide it. "
            + string.Join(" ", map.Notes));
        if (map.Tsne is not null)
            page.AddHtml(InteractiveMapHtml.RenderFragment(Points(map, map.Tsne, folder, audioById), $"t-SNE map ({map.View})", "t-SNE 1", "t-SNE 2"));
        page.AddHtml(InteractiveMapHtml.RenderFragment(Points(map, map.Pca, folder, audioById), $"PCA map ({map.View})", PcaAxis(map, 0), PcaAxis(map, 1)));
    }

    /// <summary>Adds the clustering findings as a table, the views side by side.</summary>
    public static void AddClusters(HtmlReport page, CollectionMap map)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(map);
        page.AddHeading("Would clustering find the genres?");
        page.AddParagraph("Each view of the features is clustered without its labels, by k-means and by Ward's agglomerative "
            + "clustering, with k chosen by the best silhouette and with k = the number of genres; purity, normalised mutual "
            + "information (NMI) and the adjusted Rand index (ARI) say how well the clusters match the genres (1: exactly; "
            + "NMI and ARI about 0: unrelated).");
        page.AddTable(ClusterHeaders, map.Clusters.Select(ClusterCells).ToArray(), "clusterings measured against the genres");
    }

    /// <summary>Column headers of <see cref="ClusterCells"/>.</summary>
    public static IReadOnlyList<string> ClusterHeaders { get; } = ["view", "method", "k chosen by", "k", "silhouette", "purity", "NMI", "ARI"];

    /// <summary>One finding as table cells.</summary>
    public static IReadOnlyList<string> ClusterCells(ClusterFinding f) =>
        [f.View, f.Method, f.Choice, f.K.ToString(CultureInfo.InvariantCulture), F(f.Silhouette), F(f.Purity), F(f.Nmi), F(f.Ari)];

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string PcaAxis(CollectionMap map, int component) =>
        string.Create(CultureInfo.InvariantCulture, $"PC {component + 1} ({100 * map.PcaVarianceRatio[component]:0.#} % of the variance)");

    private static List<MapPoint> Points(CollectionMap map, double[][] xy, string folder, IReadOnlyDictionary<string, string>? audioById) =>
        map.Ids.Select((id, i) => new MapPoint(xy[i][0], xy[i][1], map.Genres[i], id,
            audioById is not null && audioById.TryGetValue(id, out var file) ? RelativeLink(folder, file) : null)).ToList();

    // A link from the page's folder to the audio, each path segment escaped (names with spaces, '#', '?').
    private static string RelativeLink(string folder, string file) =>
        string.Join('/', Path.GetRelativePath(folder, Path.GetFullPath(file)).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
}
