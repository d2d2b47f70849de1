using Genrify.Explore;
using System.Text.Json;
using System.Text.Json.Nodes;
using Genrify.Shared;

namespace Genrify.Learning;

/// <summary>One ranked answer of <see cref="GenreModel.Predict"/>.</summary>
public readonly record struct GenrePrediction(string Genre, double Probability);

/// <summary>A model file that cannot be used (corrupt, other format version, inconsistent) or features that do not fit it.</summary>
public sealed class ModelFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Everything prediction needs, in one versioned, self-describing JSON file: the feature preset (name and
/// its opaque options, so extraction repeats the training-time settings), feature names, the scaler, genre
/// names, the classifier (via <see cref="ClassifierSerializer"/>), how well it cross-validated and, optionally, the genre
/// families its genres belong to (<see cref="GenreTaxonomy"/>).
/// </summary>
public sealed class GenreModel
{
    /// <summary>The model file format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "genrify-model";

    /// <summary>Assembles a model; checks that scaler, classifier, features and classes agree. <paramref name="taxonomy"/>
    /// names the genres' families (null or empty: none).</summary>
    public GenreModel(string presetName, JsonObject? presetOptions, IReadOnlyList<string> featureNames, StandardScaler? scaler,
        IReadOnlyList<string> classNames, IClassifier classifier, string trainerName, JsonObject? evaluation = null, string? trainedOn = null,
        GenreTaxonomy? taxonomy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(presetName);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.FeatureCount != featureNames.Count)
            throw new ArgumentException($"the classifier expects {classifier.FeatureCount} features but {featureNames.Count} names are given");
        if (classifier.ClassCount != classNames.Count)
            throw new ArgumentException($"the classifier has {classifier.ClassCount} classes but {classNames.Count} names are given");
        if (scaler is not null && scaler.FeatureCount != featureNames.Count)
            throw new ArgumentException($"the scaler has {scaler.FeatureCount} features but {featureNames.Count} names are given");
        CheckDistinctClasses(classNames);
        PresetName = presetName;
        PresetOptions = presetOptions ?? new JsonObject();
        FeatureNames = featureNames.ToArray();
        Scaler = scaler;
        ClassNames = classNames.ToArray();
        Classifier = classifier;
        TrainerName = trainerName;
        Evaluation = evaluation;
        TrainedOn = trainedOn;
        Taxonomy = taxonomy is { IsEmpty: false } ? taxonomy : null;
    }

    /// <summary>The families the genres belong to, or null when the model names none.</summary>
    public GenreTaxonomy? Taxonomy { get; }

    /// <summary>
    /// The songs the model learnt from, as points of the space it classifies in (its features, standardised by
    /// <see cref="Scaler"/>), or null when the model file does not keep them. Nearest-song search and the drivers of a
    /// decision use them.
    /// </summary>
    public NearestSongIndex? Songs { get; init; }

    /// <summary>A genre as people say it: with its family when the model has a taxonomy ("classical › baroque"), else as it is.</summary>
    public string Label(string genre) => Taxonomy?.Label(genre) ?? genre;

    /// <summary>What the model learnt from, for people (e.g. "manifest.csv: 240 clips, 4 genres"); null when not recorded.</summary>
    public string? TrainedOn { get; }

    /// <summary>Feature preset the features were extracted with (e.g. "gtzan").</summary>
    public string PresetName { get; }

    /// <summary>The preset/extractor options, opaque here (owned by the feature extraction).</summary>
    public JsonObject PresetOptions { get; }

    /// <summary>Feature names, in the order the classifier expects.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Standardisation fitted on the training rows, or null when the classifier takes raw features.</summary>
    public StandardScaler? Scaler { get; }

    /// <summary>Genre names, index = class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The trained classifier.</summary>
    public IClassifier Classifier { get; }

    /// <summary>The trainer's name (algorithm and hyper-parameters).</summary>
    public string TrainerName { get; }

    /// <summary>How well the trainer cross-validated (<see cref="CrossValidationResult.ToSummaryJson"/>), or null.</summary>
    public JsonObject? Evaluation { get; }

    /// <summary>
    /// Fits the scaler (optional) and the classifier on every row of <paramref name="data"/>.
    /// Pass the cross-validation of the same trainer as <paramref name="evaluation"/> to record how it was measured, and
    /// the genres' families as <paramref name="taxonomy"/> to name predictions with them.
    /// </summary>
    /// <remarks>With <paramref name="keepSongs"/>, the model keeps its training songs (<see cref="Songs"/>; about two
    /// bytes per feature per song in the file).</remarks>
    public static GenreModel Train(Dataset data, IClassifierTrainer trainer, string presetName, JsonObject? presetOptions = null,
        CrossValidationResult? evaluation = null, bool standardize = true, string? trainedOn = null, GenreTaxonomy? taxonomy = null,
        bool keepSongs = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainer);
        var scaler = standardize ? StandardScaler.Fit(data.Rows) : null;
        var rows = scaler is null ? data.Rows : scaler.Transform(data.Rows);
        var classifier = trainer.Fit(rows, data.Labels, data.ClassCount, data.Groups);
        return new GenreModel(presetName, presetOptions, data.FeatureNames, scaler, data.ClassNames, classifier, trainer.Name, evaluation?.ToSummaryJson(), trainedOn,
            taxonomy)
        {
            Songs = keepSongs ? SongsOf(data, rows) : null,
        };
    }

    // The training songs as an index: ids (row numbers when the data has none) and every genre of each song.
    private static NearestSongIndex SongsOf(Dataset data, double[][] rows)
    {
        var ids = data.Ids ?? Enumerable.Range(1, data.Count).Select(i => $"row {i}").ToArray();
        var genres = data.LabelSets.Select(set => string.Join('|', set.Select(c => data.ClassNames[c]))).ToArray();
        return NearestSongIndex.Build(ids, genres, rows);
    }

    /// <summary>
    /// Refuses features that are not those of the model: another preset, or other names/order.
    /// Throws <see cref="ModelFileException"/> naming what differs.
    /// </summary>
    public void CheckFeatures(string presetName, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (!string.Equals(presetName, PresetName, StringComparison.Ordinal))
            throw new ModelFileException($"the model was trained on preset '{PresetName}', the features come from preset '{presetName}'");
        var missing = FeatureNames.Except(featureNames).ToArray();
        var extra = featureNames.Except(FeatureNames).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new ModelFileException("the features differ from the model's: " +
                string.Join("; ", new[]
                {
                    missing.Length > 0 ? $"missing {Describe(missing)}" : null,
                    extra.Length > 0 ? $"unexpected {Describe(extra)}" : null,
                }.Where(s => s is not null)));
        for (int j = 0; j < FeatureNames.Count; j++)
            if (featureNames[j] != FeatureNames[j])
                throw new ModelFileException($"the features are in another order: position {j} is '{featureNames[j]}', the model expects '{FeatureNames[j]}'");
    }

    /// <summary>Genres ranked by probability (most likely first) for one unscaled feature row.</summary>
    public IReadOnlyList<GenrePrediction> Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureNames.Count)
            throw new ArgumentException($"row has {row.Length} features, the model expects {FeatureNames.Count}", nameof(row));
        for (int j = 0; j < row.Length; j++)
            if (!double.IsFinite(row[j]))
                throw new ArgumentException($"feature '{FeatureNames[j]}' is {row[j]}", nameof(row));
        var scaled = Scaler is null ? row.ToArray() : Scaler.Transform(row);
        var probabilities = Classifier.PredictProbabilities(scaled);
        return GenreRanking.Rank(probabilities.Select((p, c) => new GenrePrediction(ClassNames[c], p)));
    }

    /// <summary>The model file's content.</summary>
    public ModelFile ToFile() => new()
    {
        Format = FormatName,
        FormatVersion = FormatVersion,
        Preset = new PresetEntry { Name = PresetName, Options = PresetOptions.DeepClone().AsObject() },
        Features = FeatureNames.ToArray(),
        Scaler = Scaler?.ToEntry(),
        Classes = ClassNames.ToArray(),
        Trainer = TrainerName,
        TrainedOn = TrainedOn,
        Evaluation = Evaluation?.DeepClone().AsObject(),
        Taxonomy = Taxonomy is null ? null : new TaxonomyEntry { Parents = new Dictionary<string, string>(Taxonomy.Parents, StringComparer.Ordinal) },
        Classifier = Classifier.ToEntry(),
        Songs = Songs?.ToCompact(),
    };

    /// <summary>The model file's JSON.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(ToFile(), ModelFileJsonContext.Default.ModelFile)!.AsObject();

    /// <summary>
    /// Writes the model file (indented JSON), atomically: the JSON goes to a temporary file beside
    /// <paramref name="path"/>, reaches the disk and is renamed over it, so a full disk or a kill never costs the
    /// model that was there.
    /// </summary>
    /// <exception cref="ArgumentException">The model names a class twice (it could not be read back).</exception>
    /// <exception cref="IOException">The file could not be written; an earlier model at the path is intact.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckDistinctClasses(ClassNames); // the constructor refuses this already; checked again where the file is made
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(ToFile(), ModelFileJsonContext.Default.ModelFile));
    }

    /// <summary>Reads a model file; <see cref="ModelFileException"/> (naming the file) when it is missing, corrupt or of another format version.</summary>
    public static GenreModel Load(string path) => FromUtf8(ReadBytes(path), Path.GetFileName(path));

    /// <summary>The bytes of a model file; <see cref="ModelFileException"/> (naming the file) when it cannot be read.</summary>
    public static byte[] ReadBytes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"{path}: cannot read the model file ({e.Message})", e);
        }
    }

    /// <summary>
    /// The top-level <c>format</c> and <c>formatVersion</c> of a JSON model file of any kind (null where absent),
    /// read without building the document; <see cref="ModelFileException"/> naming <paramref name="source"/> when the
    /// bytes are not a JSON object.
    /// </summary>
    public static (string? Format, int? Version) ReadHeader(ReadOnlySpan<byte> utf8, string source = "model")
    {
        utf8 = WithoutByteOrderMark(utf8);
        string? format = null;
        int? version = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new ModelFileException($"{source}: not a Genrify model file (the JSON is not an object)");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isFormat = reader.ValueTextEquals("format"u8), isVersion = reader.ValueTextEquals("formatVersion"u8);
                reader.Read();
                if (isFormat && reader.TokenType == JsonTokenType.String) format = reader.GetString();
                else if (isVersion && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int v)) version = v;
                else reader.Skip();
            }
            // The rest of the document is read through, so broken JSON anywhere is named here as such.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{source}: not a Genrify model file (invalid JSON at line {e.LineNumber + 1})", e);
        }
        return (format, version);
    }

    // Editors may save JSON with a UTF-8 byte order mark, which the JSON reader does not take.
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    /// <summary>
    /// Reads a model from the bytes of its file, straight into the typed records (no document tree in between);
    /// <paramref name="source"/> names it in error messages. The format name and version are checked first, so a file
    /// of another kind or version is named as such rather than as corrupt.
    /// </summary>
    public static GenreModel FromUtf8(ReadOnlySpan<byte> utf8, string source = "model")
    {
        utf8 = WithoutByteOrderMark(utf8);
        var (format, version) = ReadHeader(utf8, source);
        CheckFormat(format, version, source);
        ModelFile file;
        try
        {
            file = JsonSerializer.Deserialize(utf8, ModelFileJsonContext.Default.ModelFile)
                   ?? throw new InvalidDataException("the model is null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new ModelFileException($"{source}: corrupt model file ({e.Message})", e);
        }
        return FromFile(file, source);
    }

    /// <summary>
    /// Reads a JSON model file of any kind as a JSON object; <see cref="ModelFileException"/> (naming the file) when it
    /// cannot be read or is not a JSON object.
    /// </summary>
    public static JsonObject ReadJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"{path}: cannot read the model file ({e.Message})", e);
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new ModelFileException($"{file}: not a Genrify model file (the JSON is not an object)");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{file}: not a Genrify model file (invalid JSON at line {e.LineNumber + 1})", e);
        }
    }

    /// <summary>
    /// Reads the model JSON; <paramref name="source"/> names it in error messages. The format name and version are
    /// checked first, so a file of another kind or version is named as such rather than as corrupt.
    /// </summary>
    public static GenreModel FromJson(JsonObject json, string source = "model")
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckFormat(json["format"] is JsonValue f && f.TryGetValue(out string? format) ? format : null,
            json["formatVersion"] is JsonValue v && v.TryGetValue(out int version) ? version : null, source);
        ModelFile file;
        try
        {
            file = json.Deserialize(ModelFileJsonContext.Default.ModelFile)
                   ?? throw new InvalidDataException("the model is null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new ModelFileException($"{source}: corrupt model file ({e.Message})", e);
        }
        return FromFile(file, source);
    }

    private static NearestSongIndex CheckedSongs(NearestSongIndex songs, int featureCount) =>
        songs.Dimensions == featureCount ? songs
            : throw new InvalidDataException($"its songs have {songs.Dimensions} values, its features are {featureCount}");

    /// <summary>Builds the model a file describes; <see cref="ModelFileException"/> naming <paramref name="source"/> when it is of another format or inconsistent.</summary>
    public static GenreModel FromFile(ModelFile file, string source = "model")
    {
        ArgumentNullException.ThrowIfNull(file);
        CheckFormat(file.Format, file.FormatVersion, source);
        try
        {
            if (file.Features.Any(n => n is null) || file.Classes.Any(n => n is null))
                throw new InvalidDataException("feature and class names must be strings");
            return new GenreModel(
                file.Preset.Name,
                file.Preset.Options?.DeepClone().AsObject(),
                file.Features,
                file.Scaler is null ? null : StandardScaler.FromEntry(file.Scaler),
                file.Classes,
                ClassifierSerializer.FromEntry(file.Classifier),
                file.Trainer ?? "",
                file.Evaluation?.DeepClone().AsObject(),
                file.TrainedOn,
                file.Taxonomy is null ? null : GenreTaxonomy.FromPairs(file.Taxonomy.Parents.Select(p => (p.Key, p.Value))))
            {
                Songs = file.Songs is null ? null : CheckedSongs(file.Songs.ToIndex(), file.Features.Length),
            };
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ModelFileException($"{source}: corrupt model file ({e.Message})", e);
        }
    }

    private static void CheckFormat(string? format, int? version, string source)
    {
        if (format != FormatName)
            throw new ModelFileException($"{source}: not a Genrify model file (no \"format\": \"{FormatName}\")");
        if (version != FormatVersion)
            throw new ModelFileException($"{source}: model format version {version ?? -1}, this Genrify reads version {FormatVersion}; retrain the model with this version");
    }

    // Two classes of one name would make a prediction ambiguous and a reloaded model differ from the saved one.
    private static void CheckDistinctClasses(IReadOnlyList<string> classNames)
    {
        var repeated = classNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
            throw new ArgumentException($"class name(s) {Describe(repeated)} appear more than once; each genre must be named once");
    }

    private static string Describe(string[] names) =>
        names.Length <= 5 ? string.Join(", ", names.Select(n => $"'{n}'")) : string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + $" and {names.Length - 5} more";
}
