using Genrify.Deep;

namespace Genrify.Deep.Tests;

public class CnnTrainerTests
{
    private static readonly string[] Classes = { "low", "mid", "high" };

    [Fact]
    public void LearnsSeparableSpectraAndGeneralisesToNewClips()
    {
        var train = SyntheticClips.Set(perClass: 10, classes: 3, seed: 1);
        var reports = new List<CnnEpochReport>();
        var result = new CnnTrainer(SyntheticClips.TinyOptions()).Train(train, Classes, new Sink(reports));
        using var model = result.Model;

        Assert.Equal(reports.Count, result.History.Count);
        Assert.All(reports, r => Assert.NotNull(r.ValidationAccuracy));
        var test = SyntheticClips.Set(perClass: 5, classes: 3, seed: 99);
        int correct = test.Count(e => model.Predict(e.LogMel) == e.Label);
        Assert.True(correct >= 14, $"only {correct}/15 new clips right");
        var p = model.PredictProbabilities(test[0].LogMel);
        Assert.Equal(3, p.Length);
        Assert.Equal(1.0, p.Sum(), 4);
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void MixupStillLearnsAndStaysDeterministic()
    {
        var train = SyntheticClips.Set(perClass: 10, classes: 3, seed: 1);
        var options = SyntheticClips.TinyOptions(epochs: 12) with { MixupAlpha = 0.4 }; // mixup learns more slowly
        using var a = new CnnTrainer(options).Train(train, Classes).Model;
        using var b = new CnnTrainer(options).Train(train, Classes).Model;
        using var plain = new CnnTrainer(options with { MixupAlpha = 0 }).Train(train, Classes).Model;
        var test = SyntheticClips.Set(perClass: 5, classes: 3, seed: 99);
        int correct = test.Count(e => a.Predict(e.LogMel) == e.Label);
        Assert.True(correct >= 13, $"only {correct}/15 new clips right");
        Assert.Equal(a.PredictProbabilities(test[0].LogMel), b.PredictProbabilities(test[0].LogMel));
        Assert.NotEqual(a.PredictProbabilities(test[0].LogMel), plain.PredictProbabilities(test[0].LogMel));
    }

    [Fact]
    public void SameSeedGivesIdenticalModels()
    {
        var data = SyntheticClips.Set(perClass: 4, classes: 3, seed: 2);
        var options = SyntheticClips.TinyOptions(epochs: 2);
        using var a = new CnnTrainer(options).Train(data, Classes).Model;
        using var b = new CnnTrainer(options).Train(data, Classes).Model;
        using var c = new CnnTrainer(options with { Seed = 8 }).Train(data, Classes).Model;
        Assert.Equal(a.PredictProbabilities(data[0].LogMel), b.PredictProbabilities(data[0].LogMel));
        Assert.NotEqual(a.PredictProbabilities(data[0].LogMel), c.PredictProbabilities(data[0].LogMel));
    }

    [Fact]
    public void RejectsBadInput()
    {
        var data = SyntheticClips.Set(perClass: 2, classes: 3, seed: 3);
        Assert.Throws<ArgumentException>(() => new CnnTrainer(new CnnTrainerOptions { Epochs = 0 }));
        Assert.Throws<ArgumentException>(() => new CnnTrainer(new CnnTrainerOptions { Device = "tpu" }));
        var trainer = new CnnTrainer(SyntheticClips.TinyOptions(1));
        Assert.Throws<ArgumentException>(() => trainer.Train(data, new[] { "only" }));
        var badLabel = data.Append(data[0] with { Label = 5 }).ToList();
        Assert.Throws<ArgumentException>(() => trainer.Train(badLabel, Classes));
        var wrongBands = data.Append(data[0] with { LogMel = new Genrify.Dsp.Matrix(8, 40) }).ToList();
        Assert.Throws<ArgumentException>(() => trainer.Train(wrongBands, Classes));
    }

    private sealed class Sink(List<CnnEpochReport> list) : IProgress<CnnEpochReport>
    {
        public void Report(CnnEpochReport value) => list.Add(value);
    }
}
