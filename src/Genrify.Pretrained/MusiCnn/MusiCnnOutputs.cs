namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// What MusiCNN says about one clip, patch by patch: per 3 s patch its 200-value embedding and its tag sigmoids.
/// </summary>
/// <param name="Embeddings">Per patch the embedding (penultimate layer after its ReLU).</param>
/// <param name="Tags">Per patch one sigmoid per tag of the network.</param>
/// <param name="Silent">True when the clip had no sound at all, so the outputs are the response to one silent patch.</param>
public sealed record MusiCnnOutputs(float[][] Embeddings, float[][] Tags, bool Silent)
{
    /// <summary>Number of patches (at least one).</summary>
    public int PatchCount => Embeddings.Length;

    /// <summary>The clip-mean embedding (Essentia's clip summary).</summary>
    public double[] MeanEmbedding() => Mean(Embeddings);

    /// <summary>The clip-mean tag activations.</summary>
    public double[] MeanTags() => Mean(Tags);

    /// <summary>Per column the mean over patches.</summary>
    public static double[] Mean(float[][] rows)
    {
        var mean = new double[rows[0].Length];
        foreach (var row in rows)
            for (int i = 0; i < mean.Length; i++) mean[i] += row[i];
        for (int i = 0; i < mean.Length; i++) mean[i] /= rows.Length;
        return mean;
    }

    /// <summary>Per column the population standard deviation over patches (0 for one patch).</summary>
    public static double[] StandardDeviation(float[][] rows)
    {
        var mean = Mean(rows);
        var sd = new double[mean.Length];
        foreach (var row in rows)
            for (int i = 0; i < sd.Length; i++) sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]);
        for (int i = 0; i < sd.Length; i++) sd[i] = Math.Sqrt(sd[i] / rows.Length);
        return sd;
    }

    /// <summary>Per column the largest value over patches.</summary>
    public static double[] Max(float[][] rows)
    {
        var max = Enumerable.Repeat(double.NegativeInfinity, rows[0].Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < max.Length; i++) max[i] = Math.Max(max[i], row[i]);
        return max;
    }
}
