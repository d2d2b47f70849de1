using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>
/// A prediction stops when its token fires, in the model's stages too (features, the network), so a server's timed-out
/// request frees its decoder instead of finishing the analysis.
/// </summary>
public sealed class PredictionCancellationTests
{
    [Theory]
    [InlineData("default.json")]
    [InlineData("gtzan.json")]
    public void A_cancelled_token_stops_the_model_stage(string model)
    {
        var predictor = GenrePredictors.Load(Path.Combine(TestData.RepositoryRoot, "models", model));
        var samples = Noise(predictor.SampleRate, seconds: 5);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => predictor.PredictSamples("noise", samples, cancel: cancelled.Token));
        (predictor as IDisposable)?.Dispose();
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_token_that_fires_mid_analysis_stops_the_default_model_before_it_answers()
    {
        // Five minutes of noise take the default model seconds (the features' spectrograms and 160 network patches);
        // the token fires long before.
        var predictor = GenrePredictors.Load(Path.Combine(TestData.RepositoryRoot, "models", "default.json"));
        var samples = Noise(predictor.SampleRate, seconds: 300);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => predictor.PredictSamples("noise", samples, cancel: soon.Token));
        (predictor as IDisposable)?.Dispose();
    }

    private static float[] Noise(int sampleRate, int seconds)
    {
        var random = new Random(7);
        var samples = new float[sampleRate * seconds];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(random.NextDouble() - 0.5) * 0.2f;
        return samples;
    }
}
