namespace Genrify.Cluster.Nearest;

/// <summary>
/// The columns of a feature store that its nearest-song index compares: the pretrained network's embedding
/// (<c>musicnn_*</c>) when the store has it, which places songs that sound alike side by side; every column otherwise.
/// </summary>
public static class IndexColumns
{
    /// <summary>The prefix of the pretrained embedding's columns.</summary>
    public const string EmbeddingPrefix = "musicnn_";

    /// <summary>The positions, in <paramref name="featureNames"/>, of the columns the index uses.</summary>
    public static int[] Of(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var embedding = Enumerable.Range(0, featureNames.Count)
            .Where(i => featureNames[i].StartsWith(EmbeddingPrefix, StringComparison.Ordinal)).ToArray();
        return embedding.Length > 0 ? embedding : Enumerable.Range(0, featureNames.Count).ToArray();
    }
}
