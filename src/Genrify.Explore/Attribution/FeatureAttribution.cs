namespace Genrify.Explore;

/// <summary>
/// Which features carry one decision of any model, by occlusion: each feature (or group of features) of the song is
/// replaced by the values of background songs (rows of the training collection, or its mean as one row), and the
/// class probability is measured again. The drop, averaged over the background rows, is the feature's contribution.
/// The model is only called, never inspected, so this works for any classifier; it is local (this song, this class),
/// and it sees features one group at a time, so two features that stand in for each other share the credit poorly:
/// group them.
/// </summary>
public static class FeatureAttribution
{
    /// <summary>Background rows used when none is said: enough for a stable average, few enough to stay quick
    /// (the model is called groups × rows times).</summary>
    public const int DefaultBackgroundSamples = 50;

    /// <summary>
    /// The contribution of each feature (or each of <paramref name="groups"/>) to the probability of
    /// <paramref name="classIndex"/> for <paramref name="song"/>, largest |Delta| first (ties in the features' order).
    /// </summary>
    /// <param name="probabilities">The model's class probabilities for one row. It is given one working array,
    /// changed between calls: it must not keep it.</param>
    /// <param name="song">The song's feature row, as the model takes it.</param>
    /// <param name="classIndex">The class whose probability is explained.</param>
    /// <param name="featureNames">One name per feature of the row.</param>
    /// <param name="background">Rows to draw replacement values from (the training rows, or their mean as a single row).</param>
    /// <param name="groups">Features to occlude together (see <see cref="FeatureGroup.ByStem"/>); null for each feature alone.</param>
    /// <param name="backgroundSamples">How many background rows to average over; when there are more, this many are drawn without replacement.</param>
    /// <param name="seed">Seed of that draw.</param>
    /// <exception cref="ArgumentException">Lengths that disagree, a non-finite value, an empty or out-of-range group,
    /// no background, or a probability function whose answer lacks the class or is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is negative, or <paramref name="backgroundSamples"/> is not positive.</exception>
    public static IReadOnlyList<FeatureContribution> Occlusion(
        Func<double[], double[]> probabilities,
        double[] song,
        int classIndex,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<double[]> background,
        IReadOnlyList<FeatureGroup>? groups = null,
        int backgroundSamples = DefaultBackgroundSamples,
        int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(song);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(backgroundSamples);
        if (featureNames.Count != song.Length)
            throw new ArgumentException($"{featureNames.Count} feature names for a row of {song.Length} values", nameof(featureNames));
        Points.CheckRows([song], "song");
        int width = Points.CheckRows(background, "background");
        if (width != song.Length) throw new ArgumentException($"background rows have {width} values, the song {song.Length}", nameof(background));
        groups ??= featureNames.Select((name, i) => new FeatureGroup(name, [i])).ToArray();
        CheckGroups(groups, song.Length);

        var rows = Draw(background, backgroundSamples, seed);
        var work = (double[])song.Clone();
        double baseline = ClassProbability(probabilities, work, classIndex);
        var contributions = new FeatureContribution[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var columns = groups[g].Columns;
            double sum = 0;
            foreach (var row in rows)
            {
                foreach (int c in columns) work[c] = row[c];
                sum += ClassProbability(probabilities, work, classIndex);
                foreach (int c in columns) work[c] = song[c];
            }
            bool single = columns.Count == 1;
            contributions[g] = new FeatureContribution(groups[g].Name, baseline - sum / rows.Count,
                single ? song[columns[0]] : null, single ? rows.Average(r => r[columns[0]]) : null);
        }
        // OrderBy is stable: equal contributions keep the features' order.
        return contributions.OrderByDescending(c => Math.Abs(c.Delta)).ToArray();
    }

    private static double ClassProbability(Func<double[], double[]> probabilities, double[] row, int classIndex)
    {
        var answer = probabilities(row) ?? throw new ArgumentException("the probability function returned null", nameof(probabilities));
        if (classIndex >= answer.Length)
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"the model gives {answer.Length} class probabilities");
        double p = answer[classIndex];
        if (!double.IsFinite(p)) throw new ArgumentException($"the probability function returned {p} for class {classIndex}", nameof(probabilities));
        return p;
    }

    private static void CheckGroups(IReadOnlyList<FeatureGroup> groups, int width)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g] ?? throw new ArgumentException($"group {g} is null", nameof(groups));
            if (string.IsNullOrEmpty(group.Name)) throw new ArgumentException($"group {g} has no name", nameof(groups));
            if (group.Columns is not { Count: > 0 }) throw new ArgumentException($"group '{group.Name}' has no feature", nameof(groups));
            foreach (int c in group.Columns)
                if (c < 0 || c >= width) throw new ArgumentException($"group '{group.Name}' names column {c}; the row has {width}", nameof(groups));
        }
    }

    // All rows when there are few enough, else a seeded draw without replacement (a partial Fisher–Yates shuffle).
    private static IReadOnlyList<double[]> Draw(IReadOnlyList<double[]> background, int samples, int seed)
    {
        if (background.Count <= samples) return background;
        var order = Enumerable.Range(0, background.Count).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < samples; i++)
        {
            int j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(samples).Select(i => background[i]).ToArray();
    }
}
