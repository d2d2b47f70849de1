using Genrify.Audio;
using Genrify.Explore;
using Genrify.Features;
using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>
/// Explains a model's decisions: the song's genres, its nearest songs in a collection (by the space the model
/// compares songs in, <see cref="SongEmbedding"/>), what drove the decision (the tags that fired for the genre
/// vocabulary; for a feature model, the features whose replacement by other songs' values moves the top genre's
/// probability most) and the decision with the loudness normalised. Thread-safe.
/// </summary>
public sealed class SongExplainer
{
    private readonly IGenrePredictor _predictor;
    private readonly SongEmbedding? _space;
    private readonly NearestSongIndex? _songs;
    private readonly string? _songsNote;

    /// <summary>
    /// An explainer of <paramref name="predictor"/>'s decisions, comparing songs with <paramref name="songs"/> (points of
    /// <paramref name="space"/>; null: no neighbours, with <paramref name="songsNote"/> saying why).
    /// </summary>
    public SongExplainer(IGenrePredictor predictor, SongEmbedding? space, NearestSongIndex? songs, string? songsNote = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        if (songs is not null && space is null) throw new ArgumentException("a collection of songs needs the space they are points of");
        if (songs is not null && songs.Dimensions != space!.Preset.FeatureNames.Count)
            throw new ArgumentException($"the collection's songs have {songs.Dimensions} values, the model's space {space.Preset.FeatureNames.Count}");
        (_predictor, _space, _songs, _songsNote) = (predictor, space, songs, songsNote);
    }

    /// <summary>The model explained.</summary>
    public IGenrePredictor Predictor => _predictor;

    /// <summary>The songs neighbours are drawn from, or null.</summary>
    public NearestSongIndex? Songs => _songs;

    /// <summary>
    /// An explainer that compares songs with the model's own training songs when the model file carries them, else with
    /// none (neighbours are then missing, with a note).
    /// </summary>
    public static SongExplainer ForModel(IGenrePredictor predictor)
    {
        var space = SongEmbedding.Of(predictor);
        var carried = predictor is SongPredictor { Model.Songs: { } songs } ? songs : null;
        string? note = carried is not null ? null : space is null
            ? "this kind of model has no space to compare songs in"
            : "the model carries no songs to compare with: give a collection (--collection) to list the nearest songs";
        return new SongExplainer(predictor, space, carried, note);
    }

    /// <summary>An explainer that compares songs with <paramref name="collection"/>, which must hold the features of the
    /// model's space (<see cref="SongEmbedding.Preset"/>: extract the collection with that preset).</summary>
    /// <exception cref="ArgumentException">The model has no such space, or the collection holds other features.</exception>
    public static SongExplainer ForCollection(IGenrePredictor predictor, Dataset collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var space = SongEmbedding.Of(predictor) ?? throw new ArgumentException("this kind of model has no space to compare songs in");
        var ids = collection.Ids ?? Enumerable.Range(0, collection.Count).Select(i => $"row {i + 1}").ToArray();
        var genres = collection.LabelSets.Select(set => string.Join('|', set.Select(c => collection.ClassNames[c]))).ToArray();
        return new SongExplainer(predictor, space, NearestSongIndex.Build(ids, genres, space.EmbedAll(collection)));
    }

    /// <summary>Decodes <paramref name="path"/> (as <c>predict</c> does) and explains the decision.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded.</exception>
    public SongExplanation ExplainFile(string path, ExplainOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new ExplainOptions();
        var audio = ClipDecoder.Decode(path, _predictor.SampleRate, options.Window ?? ClipWindow.Default, cancel: cancel);
        return ExplainSamples(path, audio.Samples, audio.Warnings, options, cancel);
    }

    /// <summary>Explains the decision on mono samples decoded at the model's <see cref="IGenrePredictor.SampleRate"/>.</summary>
    public SongExplanation ExplainSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null, ExplainOptions? options = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        options ??= new ExplainOptions();
        var notes = new List<string>();
        double[]? features = null;
        SongPrediction prediction;
        if (_predictor is SongPredictor model)
        {
            // A feature model's features serve the prediction, the neighbours and the drivers: extracted once.
            features = model.Preset.Extract(samples);
            prediction = model.PredictFeatures(name, samples, features, warnings);
        }
        else prediction = _predictor.PredictSamples(name, samples, warnings, cancel);
        cancel.ThrowIfCancellationRequested();

        IReadOnlyList<Neighbour> neighbours = [];
        if (_songs is not null && _space is not null && options.Neighbours > 0)
        {
            var point = features is not null ? _space.Embed(features) : _space.EmbedSamples(AtRate(samples, _predictor.SampleRate, _space.Preset.SampleRate));
            neighbours = _songs.Query(point.Select(v => (float)v).ToArray(), options.Neighbours);
        }
        else if (_songsNote is not null) notes.Add(_songsNote);
        cancel.ThrowIfCancellationRequested();

        IReadOnlyList<FeatureContribution> drivers = [];
        if (_predictor is SongPredictor featureModel && features is not null && options.Drivers > 0)
            drivers = Drivers(featureModel, features, prediction, options, cancel);
        else if (prediction.Tags.Count > 0) notes.Add("the drivers of the decision are the tags the network heard");
        cancel.ThrowIfCancellationRequested();

        var loudness = options.CheckLoudness ? LoudnessCheck.Run(_predictor, name, samples, prediction, cancel: cancel) : null;
        if (options.CheckLoudness && loudness is null) notes.Add("digital silence has no loudness to normalise");
        return new SongExplanation(prediction, _space?.Description, neighbours, drivers, loudness, notes);
    }

    // Each feature group (all statistics of one descriptor) is replaced by the values of background songs: the training
    // songs the explainer knows, else the model's training mean; the drop in the top genre's probability is its weight.
    private IReadOnlyList<FeatureContribution> Drivers(SongPredictor model, double[] features, SongPrediction prediction, ExplainOptions options,
        CancellationToken cancel)
    {
        int top = model.Classes.ToList().IndexOf(prediction.Top.Genre);
        IReadOnlyList<double[]> background;
        if (_songs is not null && _space is not null && _songs.Count > 0)
        {
            var random = new Random(options.Seed);
            int take = Math.Min(options.BackgroundSongs, _songs.Count);
            background = Enumerable.Range(0, _songs.Count).OrderBy(_ => random.Next()).Take(take)
                .Select(i => _space.FeaturesOf(_songs.Vector(i))).ToArray();
        }
        else if (model.Model.Scaler is { } scaler) background = [scaler.Mean.ToArray()];
        else return [];
        var names = model.Preset.FeatureNames;
        // Hundreds of predictions: each one first checks the caller's deadline.
        double[] Probabilities(double[] row)
        {
            cancel.ThrowIfCancellationRequested();
            return model.ClassProbabilities(row);
        }
        return FeatureAttribution.Occlusion(Probabilities, features, top, names, background, DriverGroups.Of(names))
            .Take(options.Drivers).ToArray();
    }

    private static float[] AtRate(float[] samples, int rate, int targetRate) =>
        rate == targetRate ? samples : Resampler.Resample(samples, rate, targetRate);
}
