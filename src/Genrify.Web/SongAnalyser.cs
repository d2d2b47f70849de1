using System.Diagnostics;
using System.Numerics.Tensors;
using Genrify.Dsp;
using Genrify.Features;
using Genrify.Features.Presets;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;

namespace Genrify.Web;

/// <summary>
/// Decodes an upload once and derives everything the page shows from those samples: the model's genres and why
/// (through <see cref="SongExplainer.ExplainSamples"/>: the prediction, the nearest songs and the drivers of the
/// decision), the spectrogram picture and the telling features. Thread-safe.
/// </summary>
public sealed class SongAnalyser
{
    /// <summary>
    /// How much the page explains. The loudness check is off: it predicts the song a second time (a second feature
    /// extraction, or a second pass of the network), which would double the analysis for a line few readers need.
    /// The drivers keep the library's 16 background songs: with fewer, the order of the top six drifts from one draw
    /// to the next, and 16 cost 50 to 900 ms for a feature model (docs/web.md, "Explanations").
    /// </summary>
    public static readonly ExplainOptions ExplainOptions = new() { Neighbours = 5, Drivers = 6, BackgroundSongs = 16, CheckLoudness = false };

    /// <summary>
    /// Wraps a loaded predictor; <paramref name="modelPath"/> only names the model in answers. Each upload is decoded
    /// over <paramref name="window"/> (<see cref="ClipWindow.Default"/> when null), which bounds its memory and time.
    /// <paramref name="explainer"/> explains the decisions (by default <see cref="SongExplainer.ForModel"/>: the
    /// model's own training songs, when its file carries them).
    /// </summary>
    public SongAnalyser(IGenrePredictor predictor, string modelPath, ClipWindow? window = null, SongExplainer? explainer = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        if (explainer is not null && !ReferenceEquals(explainer.Predictor, predictor))
            throw new ArgumentException("the explainer must explain the predictor served", nameof(explainer));
        Predictor = predictor;
        Window = window ?? ClipWindow.Default;
        Model = ModelSummary.From(predictor, modelPath);
        Explainer = explainer ?? SongExplainer.ForModel(predictor);
    }

    /// <summary>What explains the decisions, and the songs it compares with (<see cref="SongExplainer.Songs"/>).</summary>
    public SongExplainer Explainer { get; }

    /// <summary>The predictor.</summary>
    public IGenrePredictor Predictor { get; }

    /// <summary>How much of each upload is decoded and analysed.</summary>
    public ClipWindow Window { get; }

    /// <summary>The model that answers.</summary>
    public ModelSummary Model { get; }

    /// <summary>
    /// Analyses the file at <paramref name="path"/> (a server-side temporary file); <paramref name="displayName"/> replaces
    /// the path in every message. <paramref name="top"/> genres are returned (0 = all). Stops between stages, with
    /// <see cref="OperationCanceledException"/>, once <paramref name="deadline"/> has passed (the decode stops at once: its ffmpeg child is killed). Throws <see cref="Genrify.Audio.AudioDecodeException"/> for a file that is not audio.
    /// </summary>
    public SongAnalysis Analyse(string path, string displayName, int top, RequestDeadline deadline)
    {
        var clock = Stopwatch.StartNew();
        int rate = Predictor.SampleRate;
        var audio = ClipDecoder.Decode(path, rate, Window, cancel: deadline.Token);
        deadline.ThrowIfPassed();
        var warnings = audio.Warnings.Select(w => w.Replace(path, displayName, StringComparison.Ordinal)).ToArray();
        // The explanation makes the prediction itself, from the features it extracts once for the neighbours and drivers.
        var explanation = Explainer.ExplainSamples(displayName, audio.Samples, warnings, ExplainOptions, deadline.Token);
        var prediction = explanation.Prediction;
        deadline.ThrowIfPassed();
        // One STFT serves the picture and the descriptors, as it serves every column of a preset.
        var clip = new ClipAnalysis(audio.Samples, rate);
        var features = Telling(clip);
        deadline.ThrowIfPassed();
        var picture = SpectrogramRenderer.Render(clip);
        var genres = top > 0 ? prediction.Genres.Take(top).ToArray() : prediction.Genres;
        return new SongAnalysis(displayName, prediction.Duration, genres, prediction.Warnings, features, picture, Model,
            clock.Elapsed.TotalMilliseconds, prediction.Label, prediction.MultiLabel, prediction.Fits, prediction.Tags,
            explanation.Neighbours, explanation.Space, explanation.Drivers, explanation.Notes);
    }

    /// <summary>Tempo (librosa.feature.tempo), whole-clip RMS in dBFS and mean spectral centroid, from the clip's
    /// shared spectra (the same values as computing each from the samples).</summary>
    public static TellingFeatures Telling(ClipAnalysis clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var samples = clip.Samples;
        int sampleRate = clip.SampleRate;
        double rms = samples.Length == 0 ? 0 : Math.Sqrt(TensorPrimitives.SumOfSquares<float>(samples) / samples.Length);
        double? dbfs = rms > 0 ? 20 * Math.Log10(rms) : null;
        var centroid = SpectralCentroid.FromSpectrogram(clip.Magnitude, sampleRate).Data;
        double brightness = centroid.Length == 0 ? 0 : TensorPrimitives.Sum<float>(centroid) / centroid.Length;
        double tempo = Tempo.Estimate(clip.OnsetEnvelope(OnsetAggregate.Mean), sampleRate);
        return new TellingFeatures(Finite(tempo), dbfs, Finite(brightness));
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
