using System.Text.Json.Nodes;
using Genrify.Audio;
using Genrify.Features;
using Genrify.Learning;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pipeline.Vocabulary;

/// <summary>
/// Names every genre a song fits, each with its own probability, from a <see cref="GenreVocabulary"/> over MusiCNN's
/// tags (and the feature models the vocabulary names for genres the tags miss). Decodes at the feature models' rate
/// (22050 Hz for the GTZAN-table model) and hands MusiCNN the same audio resampled to 16 kHz, so the CLI and the web
/// app, which pass decoded samples, get the same answer. Thread-safe.
/// </summary>
public sealed class VocabularyGenrePredictor : IGenrePredictor, IDisposable
{
    private readonly MusiCnnListener _listener;
    private readonly IReadOnlyDictionary<string, SongPredictor> _models;
    private readonly string[] _families;

    private VocabularyGenrePredictor(GenreVocabulary vocabulary, MusiCnnListener listener, IReadOnlyDictionary<string, SongPredictor> models)
    {
        (Vocabulary, _listener, _models) = (vocabulary, listener, models);
        _families = vocabulary.Genres.Where(g => g.Parent is null).Select(g => g.Name).ToArray();
        var rates = models.Values.Select(m => m.SampleRate).Distinct().ToArray();
        if (rates.Length > 1) throw new ModelFileException($"the vocabulary's feature models expect different sample rates ({string.Join(", ", rates)} Hz)");
        SampleRate = rates.Length == 1 ? rates[0] : MusiCnnFrontEnd.SampleRate;
    }

    /// <summary>The vocabulary.</summary>
    public GenreVocabulary Vocabulary { get; }

    /// <inheritdoc />
    public string Description => $"genre vocabulary over MusiCNN tags, {_families.Length} genre families: {string.Join(", ", _families)}";

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    /// <remarks>Every genre of the vocabulary, families and their kinds.</remarks>
    public IReadOnlyList<string> Classes => Vocabulary.Genres.Select(g => g.Name).ToArray();

    /// <summary>
    /// Loads a vocabulary file: the MusiCNN network it reads (the shipped one, or the one
    /// <see cref="MusiCnnModelFiles.EnvironmentVariable"/> names) and the feature models it names, found beside it.
    /// </summary>
    /// <exception cref="ModelFileException">The file or a model it names is missing, malformed or does not fit this build.</exception>
    public static VocabularyGenrePredictor Load(string path, JsonObject json, MusiCnnRuntimeOptions? options = null)
    {
        var listener = new MusiCnnListener(options: options);
        try
        {
            IReadOnlyList<string> tags;
            try { tags = listener.Tags; }
            catch (Exception e) when (e is PresetUnavailableException or ArgumentException) { throw new ModelFileException($"{path}: {e.Message}", e); }
            var vocabulary = GenreVocabulary.Parse(json, tags, path);
            // The feature models load on another core while the network loads here: a one-song predict waits for both.
            var models = Task.Run(() => LoadModels(vocabulary, path));
            try { _ = listener.Network; }
            catch (PresetUnavailableException e) { throw new ModelFileException($"{path}: {e.Message}", e); }
            return new VocabularyGenrePredictor(vocabulary, listener, models.GetAwaiter().GetResult());
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private static Dictionary<string, SongPredictor> LoadModels(GenreVocabulary vocabulary, string path)
    {
        var models = new Dictionary<string, SongPredictor>();
        foreach (var g in vocabulary.Genres.Where(g => g.Model is not null))
        {
            if (models.ContainsKey(g.Model!)) continue;
            string modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, g.Model!);
            if (!File.Exists(modelPath)) throw new ModelFileException($"{path}: genre '{g.Name}' needs {modelPath}, which is missing");
            var model = SongPredictor.Load(modelPath);
            if (!model.Classes.Contains(g.ModelClass!))
                throw new ModelFileException($"{path}: genre '{g.Name}' reads class '{g.ModelClass}', which {modelPath} does not have");
            models[g.Model!] = model;
        }
        return models;
    }

    /// <inheritdoc />
    public SongPrediction PredictSamples(string name, float[] samples, IReadOnlyList<string>? warnings = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        cancel.ThrowIfCancellationRequested();
        // The feature models and the network are independent: they listen on two cores at once.
        var answers = Task.Run(() => _models.ToDictionary(m => m.Key, m => m.Value.PredictSamples(name, samples, cancel: cancel).Genres), cancel);
        double[] tagMeans;
        try
        {
            var musicnnInput = SampleRate == MusiCnnFrontEnd.SampleRate ? samples : Resampler.Resample(samples, SampleRate, MusiCnnFrontEnd.SampleRate);
            tagMeans = _listener.Listen(musicnnInput, cancel).MeanTags();
        }
        catch (OperationCanceledException)
        {
            // The feature models stop at their next stage: wait for them, so nothing runs on once this call has ended.
            try { answers.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        var modelAnswers = answers.GetAwaiter().GetResult();
        var p = Vocabulary.Score(tagMeans, (model, cls) => modelAnswers[model].First(g => g.Genre == cls).Probability);

        var genres = Vocabulary.Genres.Select((g, i) => (Genre: g, Probability: p[i])).ToArray();
        // The top is the most likely family (rock, not metal: a family is at least as likely as its kinds); the rest
        // follow by probability, a family before its kinds on a tie (then by name, as every ranking).
        static GenrePrediction Prediction((VocabularyGenre Genre, double Probability) x) => new(x.Genre.Name, x.Probability);
        var best = GenreRanking.Rank(genres.Where(x => x.Genre.Parent is null).Select(Prediction))[0];
        var ranked = GenreRanking.Rank(genres.Where(x => x.Genre.Name != best.Genre), Prediction, x => x.Genre.Parent is null ? 0 : 1)
            .Select(Prediction).Prepend(best).ToArray();
        var top = ranked[0];
        var fits = ranked.Where(g => g.Probability >= Vocabulary.FitsAt || g.Genre == top.Genre).ToArray();
        var kind = GenreRanking.Rank(genres.Where(x => x.Genre.Parent == top.Genre && x.Probability >= Vocabulary.FitsAt)
            .Select(x => new GenrePrediction(x.Genre.Name, x.Probability))).Select(x => x.Genre).FirstOrDefault();
        var tags = GenreRanking.Rank(_listener.Network.Tags.Select((t, i) => new GenrePrediction(t, tagMeans[i])))
            .Take(Vocabulary.TagsShown).ToArray();
        return new SongPrediction(name, ranked, ClipAdvisories.Append(warnings, name, samples, SampleRate), (double)samples.Length / SampleRate)
        {
            MultiLabel = true,
            Fits = fits,
            Label = kind is null ? top.Genre : $"{top.Genre} › {kind}",
            Tags = tags,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
