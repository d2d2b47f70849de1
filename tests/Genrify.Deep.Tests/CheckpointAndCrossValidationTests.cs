using Genrify.Deep;

namespace Genrify.Deep.Tests;

public class CheckpointAndCrossValidationTests
{
    private static readonly string[] Classes = { "low", "mid", "high" };

    [Fact]
    public void AnInterruptedRunResumesToTheSameModelAsAnUninterruptedOne()
    {
        var data = SyntheticClips.Set(5, 3, seed: 11);
        string dir = Path.Combine(Path.GetTempPath(), $"genrify-cnn-ckpt-{Guid.NewGuid():N}");
        try
        {
            var options = SyntheticClips.TinyOptions(epochs: 4) with { Patience = 10, CheckpointDirectory = dir };
            using var straight = new CnnTrainer(options with { CheckpointDirectory = null }).Train(data, Classes).Model;

            // Stop after epoch 2 by cancelling from the progress callback, then run again with the same options.
            using var cts = new CancellationTokenSource();
            var stopper = new Stopper(2, cts);
            Assert.ThrowsAny<OperationCanceledException>(() => new CnnTrainer(options).Train(data, Classes, stopper, cts.Token));
            Assert.True(File.Exists(Path.Combine(dir, "state.json")));

            var epochs = new List<int>();
            var resumed = new CnnTrainer(options).Train(data, Classes, new Recorder(epochs));
            using var model = resumed.Model;
            Assert.Equal(new[] { 2, 3, 4 }, epochs); // reports the restored epoch, then continues at 3
            Assert.Equal(4, resumed.History.Count);
            var clip = data[1].LogMel;
            var expected = straight.PredictProbabilities(clip);
            var actual = model.PredictProbabilities(clip);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void CrossValidationTestsEachFoldOnModelsThatNeverSawIt()
    {
        var data = SyntheticClips.Set(10, 3, seed: 12);
        var folds = data.Select((_, i) => i / 3 % 3).ToArray(); // clips come in label order 0,1,2,0,1,2...: every fold gets every class
        var result = CnnCrossValidation.Run(data, folds, Classes, SyntheticClips.TinyOptions(epochs: 8));
        Assert.Equal(new[] { 0, 1, 2 }, result.Folds);
        Assert.Equal(3, result.FoldAccuracies.Count);
        Assert.All(result.Predictions, p => Assert.InRange(p, 0, 2));
        for (int f = 0; f < 3; f++)
        {
            var idx = Enumerable.Range(0, data.Count).Where(i => folds[i] == f).ToArray();
            double acc = idx.Count(i => result.Predictions[i] == data[i].Label) / (double)idx.Length;
            Assert.Equal(acc, result.FoldAccuracies[f], 9);
        }
        Assert.True(result.Mean >= 0.6, $"mean accuracy {result.Mean:P0} on separable data");

        var one = CnnCrossValidation.Run(data, folds, Classes, SyntheticClips.TinyOptions(epochs: 1), onlyFolds: new[] { 1 });
        Assert.Equal(new[] { 1 }, one.Folds);
        Assert.All(Enumerable.Range(0, data.Count).Where(i => folds[i] != 1), i => Assert.Equal(-1, one.Predictions[i]));
    }

    private sealed class Stopper(int afterEpoch, CancellationTokenSource cts) : IProgress<CnnEpochReport>
    {
        public void Report(CnnEpochReport value) { if (value.Epoch >= afterEpoch) cts.Cancel(); }
    }

    private sealed class Recorder(List<int> epochs) : IProgress<CnnEpochReport>
    {
        public void Report(CnnEpochReport value) => epochs.Add(value.Epoch);
    }
}
