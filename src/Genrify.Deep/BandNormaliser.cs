using Genrify.Dsp;

namespace Genrify.Deep;

/// <summary>Per-mel-band standardisation (mean 0, deviation 1 over the training frames), stored with the model.</summary>
internal sealed class BandNormaliser
{
    public BandNormaliser(float[] mean, float[] scale)
    {
        if (mean.Length != scale.Length) throw new ArgumentException("mean and scale differ in length");
        Mean = mean;
        Scale = scale;
    }

    public float[] Mean { get; }

    /// <summary>1 / standard deviation per band.</summary>
    public float[] Scale { get; }

    public static BandNormaliser Fit(IEnumerable<Matrix> logMels, int nMels)
    {
        var sum = new double[nMels];
        var sumSq = new double[nMels];
        long count = 0;
        foreach (var m in logMels)
        {
            for (int b = 0; b < nMels; b++)
            {
                double s = 0, q = 0;
                foreach (var v in m.Row(b)) { s += v; q += (double)v * v; }
                sum[b] += s;
                sumSq[b] += q;
            }
            count += m.Columns;
        }
        var mean = new float[nMels];
        var scale = new float[nMels];
        for (int b = 0; b < nMels; b++)
        {
            double mu = sum[b] / count;
            double variance = Math.Max(0, sumSq[b] / count - mu * mu);
            mean[b] = (float)mu;
            scale[b] = (float)(1.0 / Math.Sqrt(variance + 1e-6));
        }
        return new BandNormaliser(mean, scale);
    }
}
