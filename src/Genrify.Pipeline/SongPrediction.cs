using Genrify.Learning;

namespace Genrify.Pipeline;

/// <summary>The genres of one song, most likely first, with what went wrong but did not stop the prediction.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Genres">Every genre of the model with its probability, ranked (the top one first).</param>
/// <param name="Warnings">Decoder warnings (e.g. a truncated file) and <see cref="ClipAdvisories"/> (silence, a very short clip), each naming the file.</param>
/// <param name="Duration">Seconds of audio that were analysed.</param>
public sealed record SongPrediction(string File, IReadOnlyList<GenrePrediction> Genres, IReadOnlyList<string> Warnings, double Duration)
{
    /// <summary>The most likely genre.</summary>
    public GenrePrediction Top => Genres[0];

    /// <summary>
    /// True when each genre's probability stands on its own, so several can be high (a genre vocabulary); false when
    /// the probabilities share one distribution that sums to 1 (a classifier).
    /// </summary>
    public bool MultiLabel { get; init; }

    /// <summary>The genres that fit the song, top first (a classifier: the top one alone).</summary>
    public IReadOnlyList<GenrePrediction> Fits { get => field ?? [Top]; init; }

    /// <summary>The top genre as people say it: the family and, when one fits, its closest kind ("rock › metal").</summary>
    public string Label { get => field ?? Top.Genre; init; }

    /// <summary>Finer tags the model heard (e.g. "indie rock", "instrumental"), strongest first; empty for classifiers.</summary>
    public IReadOnlyList<GenrePrediction> Tags { get; init; } = [];
}
