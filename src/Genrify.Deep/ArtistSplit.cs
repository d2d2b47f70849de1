namespace Genrify.Deep;

/// <summary>
/// Holds out whole groups (artists) for validation, so a model is never validated on an artist it trained on
/// (songs by one artist share production and timbre, which flatters accuracy).
/// </summary>
internal static class ArtistSplit
{
    /// <summary>Indices of the validation examples: shuffled groups are added until <paramref name="fraction"/> of the examples is reached.</summary>
    public static HashSet<int> Validation(IReadOnlyList<CnnExample> examples, double fraction, Random rng)
    {
        var held = new HashSet<int>();
        if (fraction <= 0) return held;
        var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (groups.Length < 2) return held;
        rng.Shuffle(groups);
        int target = (int)Math.Ceiling(fraction * examples.Count);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        foreach (var g in groups)
        {
            if (count >= target || chosen.Count == groups.Length - 1) break;
            chosen.Add(g);
            count += examples.Count(e => e.Group == g);
        }
        for (int i = 0; i < examples.Count; i++)
            if (chosen.Contains(examples[i].Group)) held.Add(i);
        return held;
    }
}
