using Genrify.Learning;

namespace Genrify.Pipeline.Insight;

/// <summary>A song of the collection explained in a report, with what cross-validation said of it.</summary>
/// <param name="Id">The song's id.</param>
/// <param name="Genres">Its genres in the collection.</param>
/// <param name="CrossValidated">The genre the cross-validated model (which never saw the song) gave it, with its probability.</param>
/// <param name="Explanation">The explanation by the model trained on every song.</param>
public sealed record ExplainedExample(string Id, IReadOnlyList<string> Genres, GenrePrediction CrossValidated, SongExplanation Explanation)
{
    /// <summary>
    /// The songs worth explaining in a report: the most confidently misjudged song of each of up to
    /// <paramref name="count"/> − 1 genres (what confuses the model), and the most confidently right one.
    /// Only songs with audio on this disk (<paramref name="audioById"/>) qualify.
    /// </summary>
    public static IReadOnlyList<int> Choose(Dataset data, CrossValidationResult crossValidation, IReadOnlyDictionary<string, string> audioById, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(crossValidation);
        ArgumentNullException.ThrowIfNull(audioById);
        if (data.Ids is null || count <= 0) return [];
        double Confidence(int i) => crossValidation.Probabilities[i]?[crossValidation.Predictions[i]] ?? 0;
        var playable = Enumerable.Range(0, data.Count).Where(i => audioById.ContainsKey(data.Ids[i])).ToArray();
        var wrong = playable.Where(i => !data.LabelSets[i].Contains(crossValidation.Predictions[i]))
            .GroupBy(i => data.Labels[i]).Select(g => g.OrderByDescending(Confidence).ThenBy(i => i).First())
            .OrderByDescending(Confidence).ThenBy(i => i).Take(count - 1);
        var right = playable.Where(i => data.LabelSets[i].Contains(crossValidation.Predictions[i])).OrderByDescending(Confidence).ThenBy(i => i).Take(1);
        return right.Concat(wrong).ToArray();
    }
}
