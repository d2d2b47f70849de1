namespace Genrify.Deep.Tests;

/// <summary>Mixup's weights follow Beta(α, α): mean ½ and variance 1 / (4 (2α + 1)).</summary>
public class BetaSamplerTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.4)]
    [InlineData(2.0)]
    public void DrawsHaveTheBetaDistributionsMoments(double alpha)
    {
        var rng = new Random(11);
        var draws = Enumerable.Range(0, 40_000).Select(_ => BetaSampler.Symmetric(alpha, rng)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0.0, 1.0));
        double mean = draws.Average();
        double variance = draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1);
        Assert.InRange(mean, 0.49, 0.51);
        double expected = 1 / (4 * (2 * alpha + 1));
        Assert.InRange(variance, expected * 0.95, expected * 1.05);
    }
}
