using Genrify.Audio;
using Genrify.Features;

namespace Genrify.Pipeline;

/// <summary>What every <see cref="IGenrePredictor"/> does the same way: decoding a file for it.</summary>
public static class GenrePredictorExtensions
{
    /// <summary>
    /// Decodes the first <see cref="ClipWindow.MaxSeconds"/> of <paramref name="path"/> (<see cref="ClipWindow.Default"/>
    /// when <paramref name="window"/> is null; a warning says when the song is longer) at the predictor's rate and
    /// classifies it. <paramref name="cancel"/> stops the decode and the model between its stages.
    /// </summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired.</exception>
    public static SongPrediction PredictFile(this IGenrePredictor predictor, string path, ClipWindow? window = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        var audio = ClipDecoder.Decode(path, predictor.SampleRate, window ?? ClipWindow.Default, cancel: cancel);
        return predictor.PredictSamples(path, audio.Samples, audio.Warnings, cancel);
    }
}
