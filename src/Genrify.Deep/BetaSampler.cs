namespace Genrify.Deep;

/// <summary>Draws from Beta(α, α) with a seeded <see cref="Random"/> (mixup weights), via two Gamma(α) draws.</summary>
internal static class BetaSampler
{
    /// <summary>A draw from the symmetric Beta(<paramref name="alpha"/>, <paramref name="alpha"/>) distribution.</summary>
    public static double Symmetric(double alpha, Random rng)
    {
        double a = Gamma(alpha, rng), b = Gamma(alpha, rng);
        return a + b > 0 ? a / (a + b) : 0.5;
    }

    // Marsaglia & Tsang (2000); for α < 1, Gamma(α) = Gamma(α + 1) · U^(1/α).
    private static double Gamma(double alpha, Random rng)
    {
        if (alpha < 1) return Gamma(alpha + 1, rng) * Math.Pow(1 - rng.NextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
