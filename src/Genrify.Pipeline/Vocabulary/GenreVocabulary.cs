using System.Text.Json;
using System.Text.Json.Nodes;
using Genrify.Learning;

namespace Genrify.Pipeline.Vocabulary;

/// <summary>
/// A genre vocabulary over a tagging network's outputs (the file format <c>genrify-genre-vocabulary</c>, e.g. the
/// bundled <c>models/default.json</c>): each genre is named either by tags of the network (its probability is the
/// highest of their activations) or by one class of a feature model (e.g. classical from the GTZAN-table model),
/// optionally discounted by genres that contradict it. A genre may have a parent: a family's probability is at least
/// its children's, so the top genre is always a family (rock, not metal) and the child is named beside it.
/// </summary>
public sealed class GenreVocabulary
{
    /// <summary>The <c>format</c> value that marks a vocabulary file.</summary>
    public const string Format = "genrify-genre-vocabulary";

    private GenreVocabulary(string about, string trainedOn, string? accuracy, double fitsAt, int tagsShown, IReadOnlyList<VocabularyGenre> genres)
    {
        (About, TrainedOn, Accuracy, FitsAt, TagsShown, Genres) = (about, trainedOn, accuracy, fitsAt, tagsShown, genres);
    }

    /// <summary>How accurate it is, with the data it was measured on (a sentence), or null when not measured.</summary>
    public string? Accuracy { get; }

    /// <summary>What the vocabulary is, what it learnt from and how accurate it is on what data, for people.</summary>
    public string AboutForPeople => $"{About} {TrainedOn} {Accuracy ?? "No accuracy has been measured for it."}".Trim();

    /// <summary>What the vocabulary does, for people.</summary>
    public string About { get; }

    /// <summary>What its parts learnt from, for people.</summary>
    public string TrainedOn { get; }

    /// <summary>A genre fits a song when its probability reaches this (the top genre always fits).</summary>
    public double FitsAt { get; }

    /// <summary>How many of the network's own tags to show beside the genres.</summary>
    public int TagsShown { get; }

    /// <summary>The genres, families before their children as the file lists them.</summary>
    public IReadOnlyList<VocabularyGenre> Genres { get; }

    /// <summary>True when <paramref name="json"/> is a vocabulary file (its <c>format</c> says so).</summary>
    public static bool IsVocabulary(JsonObject json) => json["format"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == Format;

    /// <summary>
    /// Parses and checks a vocabulary against the network's <paramref name="tags"/> and the feature models it names.
    /// </summary>
    /// <exception cref="ModelFileException">The file is malformed or names an unknown tag, parent or genre; the message says which.</exception>
    public static GenreVocabulary Parse(JsonObject json, IReadOnlyList<string> tags, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        string Fail(string what) => throw new ModelFileException($"{source}: {what}");
        if (!IsVocabulary(json)) Fail($"not a genre vocabulary (format is not '{Format}')");
        VocabularyFile file;
        try
        {
            file = json.Deserialize(VocabularyJsonContext.Default.VocabularyFile)!;
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{source}: malformed genre vocabulary ({e.Message})", e);
        }
        if (file.FormatVersion != 1) Fail("unsupported formatVersion (this build reads 1)");
        if (file.Genres is not { Length: > 0 } list) { Fail("no 'genres' list"); return null!; }
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = tags.Count - 1; i >= 0; i--) tagIndex[tags[i]] = i;
        var genres = new List<VocabularyGenre>();
        foreach (var g in list)
        {
            if (g?.Name is not { Length: > 0 } name) { Fail("a genre without a name"); return null!; }
            if (genres.Any(x => x.Name == name)) Fail($"genre '{name}' is listed twice");
            string? parent = g.Parent;
            if (parent is not null && genres.FirstOrDefault(x => x.Name == parent) is not { Parent: null })
                Fail($"genre '{name}': its parent '{parent}' must be a family listed before it");
            var tagIndexes = Strings(g.Tags).Select(t => tagIndex.TryGetValue(t, out int i) ? i : throw new ModelFileException(
                $"{source}: genre '{name}' names tag '{t}', which the network does not have")).ToArray();
            string? model = g.Model;
            string? modelClass = g.Class;
            if ((tagIndexes.Length > 0) == (model is not null)) Fail($"genre '{name}': give either 'tags' or a 'model' with its 'class'");
            if (model is not null && modelClass is null) Fail($"genre '{name}': 'model' needs the 'class' it reads");
            var unless = Strings(g.Unless).ToArray();
            foreach (var u in unless)
                if (!genres.Any(x => x.Name == u)) Fail($"genre '{name}': 'unless' names '{u}', which is not listed before it");
            genres.Add(new VocabularyGenre(name, parent, tagIndexes, model, modelClass, unless));
        }
        double fitsAt = file.FitsAt ?? 0.2;
        if (fitsAt is not (> 0 and < 1)) Fail("'fitsAt' must lie between 0 and 1");
        return new GenreVocabulary(file.About ?? "", file.TrainedOn ?? "", file.Accuracy, fitsAt,
            Math.Clamp(file.TagsShown ?? 5, 0, tags.Count), genres);
    }

    private static IEnumerable<string> Strings(string?[]? list) =>
        list is null ? [] : list.Select(x => x ?? throw new ModelFileException("a list holds a non-string"));

    /// <summary>
    /// Every genre's probability for one song, in <see cref="Genres"/> order: from the clip's mean tag activations
    /// (<paramref name="tagActivations"/>) and, for model genres, <paramref name="modelClassProbability"/>(model, class).
    /// </summary>
    public double[] Score(IReadOnlyList<double> tagActivations, Func<string, string, double> modelClassProbability)
    {
        var p = new double[Genres.Count];
        for (int i = 0; i < Genres.Count; i++)
        {
            var g = Genres[i];
            p[i] = g.Model is null ? g.TagIndexes.Max(t => tagActivations[t]) : modelClassProbability(g.Model, g.ModelClass!);
        }
        // Families take their children's evidence: a metal song is a rock song.
        for (int i = 0; i < Genres.Count; i++)
            if (Genres[i].Parent is { } parent)
            {
                int f = IndexOf(parent);
                p[f] = Math.Max(p[f], p[i]);
            }
        // A genre contradicted by another is discounted by the chance that the other one is right.
        for (int i = 0; i < Genres.Count; i++)
            foreach (var other in Genres[i].Unless)
                p[i] *= 1 - p[IndexOf(other)];
        return p;
    }

    /// <summary>The position of the genre named <paramref name="name"/> in <see cref="Genres"/>.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Genres.Count; i++)
            if (Genres[i].Name == name) return i;
        throw new ArgumentException($"no genre '{name}' in the vocabulary", nameof(name));
    }
}

/// <summary>One genre of a <see cref="GenreVocabulary"/>.</summary>
/// <param name="Name">The genre's name.</param>
/// <param name="Parent">The family it belongs to, or null for a family.</param>
/// <param name="TagIndexes">The network tags that name it (empty for a model genre).</param>
/// <param name="Model">The feature model file (beside the vocabulary) that names it, or null.</param>
/// <param name="ModelClass">The class of <paramref name="Model"/> it reads.</param>
/// <param name="Unless">Genres that contradict it: its probability is multiplied by one minus theirs.</param>
public sealed record VocabularyGenre(string Name, string? Parent, int[] TagIndexes, string? Model, string? ModelClass, string[] Unless);
