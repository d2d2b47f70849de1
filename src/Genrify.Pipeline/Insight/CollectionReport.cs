using System.Globalization;
using Genrify.Learning;
using Genrify.Reports;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// One self-contained HTML report of a collection, readable offline: the collection, the models side by side with
/// their confusion matrices, the features' pictures, the map with its clusters, the genres' neighbourhoods and a few
/// explained songs. Every part is made by the same library code as <c>genrify evaluate|plot|map|explain</c>.
/// </summary>
public sealed class CollectionReport
{
    private readonly HtmlReport _page;
    private readonly string _folder;

    /// <summary>A report titled <paramref name="title"/> whose pictures are also written into <paramref name="folder"/>.</summary>
    public CollectionReport(string title, string folder)
    {
        _page = new HtmlReport(title);
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <summary>What the songs are: how many, of which genres, with which features.</summary>
    public CollectionReport AddCollection(TrainingData loaded, string source)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var data = loaded.Data;
        _page.AddHeading("Collection");
        string artists = data.Groups is null ? "." : FormattableString.Invariant($", {data.Groups.Distinct().Count()} artists (evaluation keeps each artist's songs in one fold).");
        _page.AddParagraph(FormattableString.Invariant($"{source}: {data.Count} songs, {data.ClassCount} genres, {data.FeatureCount} features of the '{loaded.PresetName}' preset") + artists);
        _page.AddTable(["genre", "songs"], data.ClassNames.Select((g, c) => (IReadOnlyList<string>)[g, data.LabelSets.Count(s => s.Contains(c)).ToString(CultureInfo.InvariantCulture)]).ToArray());
        return this;
    }

    /// <summary>The models side by side, then each one's confusion matrix.</summary>
    public CollectionReport AddEvaluation(IReadOnlyList<CrossValidationResult> results, string features)
    {
        ArgumentNullException.ThrowIfNull(results);
        _page.AddHeading("Evaluation");
        _page.AddTable(["model", "features", "accuracy", "± (folds)", "train − test", "method"], results.Select(r => (IReadOnlyList<string>)
        [
            r.TrainerName, features, Percent(r.MeanAccuracy), Percent(r.StdAccuracy), Percent(r.MeanTrainTestGap), r.Method,
        ]).ToArray(), "cross-validated accuracy");
        foreach (var (r, i) in results.Select((r, i) => (r, i)))
        {
            var path = Path.Combine(_folder, $"confusion-{i + 1}.png");
            ConfusionMatrixPlot.SavePng(path, r.Confusion, r.ClassNames, $"{r.TrainerName}: confusion (rows: true genre)");
            _page.AddImage(path, $"confusion matrix of {r.TrainerName}", $"{r.TrainerName}: songs by true genre (rows) and predicted genre (columns)");
        }
        return this;
    }

    /// <summary>Pictures written by <see cref="CollectionPictures"/> or <see cref="CollectionMapFiles"/>, under a heading.</summary>
    public CollectionReport AddPictures(string heading, IEnumerable<WrittenPicture> pictures, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(pictures);
        _page.AddHeading(heading);
        if (text is not null) _page.AddParagraph(text);
        foreach (var picture in pictures.Where(p => p.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
            _page.AddImage(picture.Path, picture.Caption, picture.Caption);
        return this;
    }

    /// <summary>The interactive map and the clustering findings.</summary>
    public CollectionReport AddMap(CollectionMap map, IReadOnlyDictionary<string, string>? audioById)
    {
        CollectionMapFiles.AddMaps(_page, map, Path.GetFullPath(_folder), audioById);
        CollectionMapFiles.AddClusters(_page, map);
        return this;
    }

    /// <summary>Which genres are adjacent, with its reading and pictures.</summary>
    public CollectionReport AddNeighbourhoods(GenreNeighbourhoods neighbourhoods)
    {
        ArgumentNullException.ThrowIfNull(neighbourhoods);
        var pictures = CollectionMapFiles.WriteAdjacency(neighbourhoods, _folder);
        AddPictures("Genre neighbourhoods", pictures, neighbourhoods.Adjacency.Reading());
        _page.AddTable(["genres", "mistaken for each other", "centroid distance"], neighbourhoods.Adjacency.Pairs.Take(8).Select(p => (IReadOnlyList<string>)
        [
            $"{p.A} – {p.B}", p.ConfusionRate is { } c ? Percent(c) : "", p.CentroidDistance is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "",
        ]).ToArray(), "the closest pairs first");
        return this;
    }

    /// <summary>Explained songs: genres, nearest songs, drivers, loudness check.</summary>
    public CollectionReport AddExamples(IReadOnlyList<ExplainedExample> examples, string modelName)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0) return this;
        _page.AddHeading("Explained songs");
        _page.AddParagraph($"A few songs explained by {modelName} trained on every song (the song itself included; its nearest song "
            + "listed is never itself). Cross-validation's answer, from a model that never heard the song, is given beside it.");
        foreach (var example in examples)
        {
            var e = example.Explanation;
            _page.AddHeading($"{example.Id} ({string.Join(", ", example.Genres)})", 3);
            string loudness = e.Loudness is { } l
                ? FormattableString.Invariant($" At {l.TargetDbfs:0} dBFS ({l.GainDb:+0.0;-0.0} dB): {l.Normalised.Top.Genre} {l.Normalised.Top.Probability:0.00}") + (l.SameTop ? ", the same genre." : ", another genre.")
                : "";
            string trained = string.Join(", ", e.Prediction.Genres.Take(3).Select(g => FormattableString.Invariant($"{g.Genre} {g.Probability:0.00}")));
            _page.AddParagraph(FormattableString.Invariant($"Cross-validated: {example.CrossValidated.Genre} {example.CrossValidated.Probability:0.00}. Trained on every song: {trained}.") + loudness);
            if (e.Neighbours.Count > 0)
                _page.AddTable(["nearest song", "genres", "distance"], e.Neighbours.Select(n => (IReadOnlyList<string>)
                    [n.Id, string.Join(", ", n.Genres), n.Distance.ToString("0.00", CultureInfo.InvariantCulture)]).ToArray(), $"by {e.Space}");
            if (e.Drivers.Count > 0)
                _page.AddTable(["feature", $"fall of '{e.Prediction.Top.Genre}'", "this song", "others"], e.Drivers.Select(d => (IReadOnlyList<string>)
                [
                    d.Name, d.Delta.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture),
                    d.SongValue?.ToString("G4", CultureInfo.InvariantCulture) ?? "", d.BackgroundValue?.ToString("G4", CultureInfo.InvariantCulture) ?? "",
                ]).ToArray(), "what drove the decision: the fall of the top genre's probability when the feature takes other songs' values");
        }
        return this;
    }

    /// <summary>A paragraph of its own (a note on what is missing and why).</summary>
    public CollectionReport AddNote(string text)
    {
        _page.AddParagraph(text);
        return this;
    }

    /// <summary>Writes the report (atomically) and returns its path.</summary>
    public string Save(string fileName = "report.html")
    {
        var path = Path.Combine(_folder, fileName);
        _page.Save(path);
        return path;
    }

    private static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
