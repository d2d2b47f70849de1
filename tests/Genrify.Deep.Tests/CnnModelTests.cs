using Genrify.Deep;
using Genrify.Dsp;

namespace Genrify.Deep.Tests;

public class CnnModelTests
{
    private static readonly string[] Classes = { "low", "mid", "high" };

    private static CnnModel TrainTiny(int epochs = 3) =>
        new CnnTrainer(SyntheticClips.TinyOptions(epochs)).Train(SyntheticClips.Set(6, 3, seed: 4), Classes).Model;

    [Fact]
    public void SaveAndLoadGiveTheSamePredictionsAndEmbeddings()
    {
        using var model = TrainTiny();
        var clip = SyntheticClips.Set(1, 3, seed: 5)[2].LogMel;
        string path = Path.Combine(Path.GetTempPath(), $"genrify-cnn-test-{Guid.NewGuid():N}.cnn");
        try
        {
            model.Save(path);
            using var loaded = CnnModel.Load(path);
            Assert.Equal(Classes, loaded.Classes);
            Assert.Equal(model.WindowFrames, loaded.WindowFrames);
            Assert.Equal(SyntheticClips.Settings, loaded.Settings);
            Assert.Equal(CnnArchitecture.Tiny, loaded.Architecture);
            Assert.Equal(model.PredictProbabilities(clip), loaded.PredictProbabilities(clip));
            Assert.Equal(model.Embed(clip), loaded.Embed(clip));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LoadRejectsAFileThatIsNotAModel()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"kind\":\"svm\"}");
            Assert.Throws<InvalidDataException>(() => CnnModel.Load(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void EmbeddingIsThePooledPenultimateLayerAveragedOverWindows()
    {
        using var model = TrainTiny(2);
        var clip = SyntheticClips.Clip(1, 3, frames: 50, new Random(6));
        var embedding = model.Embed(clip);
        Assert.Equal(model.EmbeddingSize, embedding.Length);
        Assert.Equal(8, embedding.Length); // Tiny: 8 channels, average-pooled
        Assert.All(embedding, v => Assert.True(float.IsFinite(v) && v >= 0)); // after ReLU + max-pool + mean

        // Averaging: a clip of two windows' length is tiled at 0, W/2 and W; its embedding is the mean of those three windows'.
        int w = model.WindowFrames;
        var twoWindows = Slice(clip, 0, 2 * w);
        var expected = new double[embedding.Length];
        foreach (int start in new[] { 0, w / 2, w })
        {
            var e = model.Embed(Slice(twoWindows, start, w));
            for (int i = 0; i < e.Length; i++) expected[i] += e[i] / 3.0;
        }
        var actual = model.Embed(twoWindows);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 4);
    }

    [Fact]
    public void ShortClipsWrapAroundAndWrongBandCountsThrow()
    {
        using var model = TrainTiny(1);
        var shortClip = SyntheticClips.Clip(0, 3, frames: 5, new Random(7));
        var p = model.PredictProbabilities(shortClip);
        Assert.Equal(1.0, p.Sum(), 4);
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities(new Matrix(SyntheticClips.Mels + 1, 40)));
        Assert.Throws<ArgumentException>(() => model.Embed(new Matrix(SyntheticClips.Mels, 0)));
    }

    private static Matrix Slice(Matrix m, int start, int length)
    {
        var r = new Matrix(m.Rows, length);
        for (int b = 0; b < m.Rows; b++) m.Row(b).Slice(start, length).CopyTo(r.Row(b));
        return r;
    }
}
