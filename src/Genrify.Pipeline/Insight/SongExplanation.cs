using Genrify.Explore;
using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>Why a song got its genres, in terms a listener can check.</summary>
/// <param name="Prediction">The song's genres (with the tags the network heard, for the genre vocabulary).</param>
/// <param name="Space">What the neighbours are compared by, or null when the model has no such space.</param>
/// <param name="Neighbours">The nearest songs of the collection, nearest first (empty when there is no collection).</param>
/// <param name="Drivers">For a feature model, the features (grouped by stem) whose removal moves the top genre's
/// probability most, largest change first; empty for other models.</param>
/// <param name="Loudness">The decision at one loudness, or null (digital silence, or not asked for).</param>
/// <param name="Notes">Why a part is missing ("no collection to compare with: give --collection …").</param>
public sealed record SongExplanation(
    SongPrediction Prediction,
    string? Space,
    IReadOnlyList<Neighbour> Neighbours,
    IReadOnlyList<FeatureContribution> Drivers,
    LoudnessCheck? Loudness,
    IReadOnlyList<string> Notes)
{
    /// <summary>The tags that fired (the genre vocabulary's evidence); empty for classifiers.</summary>
    public IReadOnlyList<GenrePrediction> Tags => Prediction.Tags;
}
