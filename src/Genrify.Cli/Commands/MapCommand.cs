using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Genrify.Learning;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify map SOURCE --out DIR [--no-tsne] [--max-songs N] [--json]</c>: draws the collection in two dimensions (PCA and
/// t-SNE, PNGs and one interactive offline page), clusters it without labels (k-means and Ward, k by silhouette and
/// k = genres) and prints how well the clusters match the genres per feature view, then which genres are adjacent (by a
/// cross-validated SVM's confusions and by centroid distance).
/// </summary>
public sealed class MapCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new SourceOptions();
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the maps into", Required = true };
        var noTsne = new Option<bool>("--no-tsne") { Description = "Draw PCA's map only (t-SNE costs the square of the songs)" };
        var maxSongs = new Option<int>("--max-songs") { Description = "Map and cluster a random sample of at most this many songs", DefaultValueFactory = _ => 3000 };
        var json = new Option<bool>("--json") { Description = "Print the findings as one JSON object" };
        var command = new Command("map", "Map a collection in 2-D, cluster it without labels and say which genres are adjacent") { output, noTsne, maxSongs, json };
        source.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse, source, parse.GetValue(output)!, !parse.GetValue(noTsne),
            parse.GetValue(maxSongs), parse.GetValue(json), cancel)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, SourceOptions source, string folder, bool tsne, int maxSongs, bool json, CancellationToken cancel)
    {
        if (maxSongs < 3) { context.Fail($"--max-songs must be at least 3, not {maxSongs}"); return ExitCodes.Usage; }
        if (!OutputPaths.CheckFolder(context, "--out", folder)) return ExitCodes.Usage;
        var loaded = source.Load(context, parse, cancel);
        if (loaded is null) return ExitCodes.InputFailed;
        var sourcePath = parse.GetValue(source.Source)!;
        var genrify = source.Genrify(context, parse);
        try
        {
            var data = loaded.Data;
            var map = CollectionMap.Build(data, new MapOptions { Seed = genrify.Seed, MaxSongs = maxSongs, Tsne = tsne }, cancel);
            var neighbourhoods = GenreNeighbourhoods.Of(data, genrify.Evaluation.CrossValidate(data, genrify.Trainers.Svm()));
            var title = Path.GetFileName(Path.TrimEndingDirectorySeparator(sourcePath));
            var written = CollectionMapFiles.Write(map, neighbourhoods, folder, title, SongLocations.Of(sourcePath));
            if (json) context.Out.WriteLine(Json(map, neighbourhoods, written).ToJsonString());
            else Print(context.Out, data, map, neighbourhoods, written);
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            context.Fail($"{sourcePath}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"--out {folder}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
    }

    internal static void Print(TextWriter output, Dataset data, CollectionMap map, GenreNeighbourhoods neighbourhoods, IReadOnlyList<WrittenPicture> written)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{map.Ids.Count} songs, {data.ClassCount} genres; PCA's two axes explain {100 * map.PcaVarianceRatio[0]:0.#} % and {100 * map.PcaVarianceRatio[1]:0.#} % of the variance"));
        foreach (var note in map.Notes) output.WriteLine(note);
        output.WriteLine("clusters without labels, against the genres:");
        var rows = map.Clusters.Select(CollectionMapFiles.ClusterCells).Prepend(CollectionMapFiles.ClusterHeaders).ToArray();
        var widths = Enumerable.Range(0, rows[0].Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows) output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c < 3 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        output.WriteLine("genre adjacency: " + neighbourhoods.Adjacency.Reading());
        foreach (var picture in written) output.WriteLine($"wrote {picture.Path}");
    }

    internal static JsonObject Json(CollectionMap map, GenreNeighbourhoods neighbourhoods, IReadOnlyList<WrittenPicture> written) => new()
    {
        ["songs"] = map.Ids.Count,
        ["pca_variance_ratio"] = new JsonArray(map.PcaVarianceRatio.Select(v => (JsonNode)v).ToArray()),
        ["clusters"] = new JsonArray(map.Clusters.Select(f => (JsonNode)new JsonObject
        {
            ["view"] = f.View, ["method"] = f.Method, ["k_chosen_by"] = f.Choice, ["k"] = f.K,
            ["silhouette"] = f.Silhouette, ["purity"] = f.Purity, ["nmi"] = f.Nmi, ["ari"] = f.Ari,
        }).ToArray()),
        ["adjacency"] = new JsonArray(neighbourhoods.Adjacency.Pairs.Select(p => (JsonNode)new JsonObject
        {
            ["a"] = p.A, ["b"] = p.B, ["confusion_rate"] = p.ConfusionRate, ["centroid_distance"] = p.CentroidDistance,
        }).ToArray()),
        ["reading"] = neighbourhoods.Adjacency.Reading(),
        ["notes"] = new JsonArray(map.Notes.Select(n => (JsonNode)n).ToArray()),
        ["files"] = new JsonArray(written.Select(w => (JsonNode)w.Path).ToArray()),
    };
}
