using System.Diagnostics;
using System.Numerics.Tensors;
using Genrify.Dsp;
using Genrify.Features;
using Genrify.Features.Presets;
using Genrify.Pipeline;

namespace Genrify.Web;

/// <summary>
/// Decodes an upload once and derives everything the page shows from those samples: the model's genres (through
/// <see cref="IGenrePredictor.PredictSamples"/>: a feature model or a CNN), the spectrogram picture and the telling features. Thread-safe.
/// </summary>
public sealed class SongAnalyser
{
    /// <summary>
    /// Wraps a loaded predictor; <paramref name="modelPath"/> only names the model in answers. Each upload is decoded
    /// over <paramref name="window"/> (<see cref="ClipWindow.Default"/> when null), which bounds its memory and time.
    /// </summary>
    public SongAnalyser(IGenrePredictor predictor, string modelPath, ClipWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        Predictor = predictor;
        Window = window ?? ClipWindow.Default;
        Model = ModelSummary.From(predictor, modelPath);
    }

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
        var prediction = Predictor.PredictSamples(displayName, audio.Samples, warnings, deadline.Token);
        deadline.ThrowIfPassed();
        // One STFT serves the picture and the descriptors, as it serves every column of a preset.
        var clip = new ClipAnalysis(audio.Samples, rate);
        var features = Telling(clip);
        deadline.ThrowIfPassed();
        var picture = SpectrogramRenderer.Render(clip);
        var genres = top > 0 ? prediction.Genres.Take(top).ToArray() : prediction.Genres;
        return new SongAnalysis(displayName, prediction.Duration, genres, prediction.Warnings, features, picture, Model,
            clock.Elapsed.TotalMilliseconds, prediction.Label, prediction.MultiLabel, prediction.Fits, prediction.Tags);
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
