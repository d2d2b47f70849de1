using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>The genres of one song, most likely first, with what went wrong but did not stop the prediction.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Genres">Every class of the model with its probability, ranked.</param>
/// <param name="Warnings">Decoder warnings (e.g. a truncated file) and <see cref="ClipAdvisories"/> (silence, a very short clip), each naming the file.</param>
/// <param name="Duration">Seconds of audio that were analysed.</param>
public sealed record SongPrediction(string File, IReadOnlyList<GenrePrediction> Genres, IReadOnlyList<string> Warnings, double Duration)
{
    /// <summary>The most likely genre.</summary>
    public GenrePrediction Top => Genres[0];
}
