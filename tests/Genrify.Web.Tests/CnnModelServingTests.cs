using Genrify.Audio;
using Genrify.Deep;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>The app serves a CNN model file like a feature model (issue 6: "predict/serve accept CNN models").</summary>
public class CnnModelServingTests
{
    // A tiny network on two real clips, a few epochs: enough to be a valid CNN file, cheap enough for a test.
    private static string TrainTinyCnn(string folder)
    {
        var settings = LogMelSettings.Default;
        var examples = new[] { ("clip09_edm_128.wav", 0), ("classical.00000.wav", 1), ("clip04_click_90.wav", 0), ("classical.00001.wav", 1) }
            .Select((c, i) =>
            {
                var audio = AudioLoader.Load(TestData.Audio(c.Item1));
                return CnnExample.FromSamples(audio.Samples, audio.SampleRate, c.Item2, $"artist{i}", settings);
            })
            .ToList();
        var options = new CnnTrainerOptions
        {
            Architecture = CnnArchitecture.Tiny, Epochs = 2, Patience = 2, BatchSize = 4, CropsPerClip = 1, LogMel = settings,
        };
        using var model = new CnnTrainer(options).Train(examples, ["edm", "classical"]).Model;
        var path = Path.Combine(folder, "tiny.cnn");
        model.Save(path);
        return path;
    }

    [Fact]
    public async Task A_cnn_model_answers_the_api_with_its_own_genres()
    {
        var folder = Directory.CreateTempSubdirectory("genrify-web-cnn-").FullName;
        try
        {
            string modelPath = TrainTinyCnn(folder);
            await using var app = await TestApp.StartAsync(o => o with { ModelPath = modelPath });
            var response = await app.Client.PostAsync("/api/predict", Requests.Upload(TestData.Audio("clip09_edm_128.wav")));
            var answer = await Requests.JsonAsync(response);
            var genres = answer.GetProperty("genres").EnumerateArray().Select(g => g.GetProperty("genre").GetString()!).ToArray();
            Assert.Equal(["classical", "edm"], genres.Order().ToArray());
            var model = answer.GetProperty("model");
            Assert.Equal("log-mel", model.GetProperty("preset").GetString());
            Assert.StartsWith("cnn", model.GetProperty("trainer").GetString());

            var info = await Requests.JsonAsync(await app.Client.GetAsync("/api/model"));
            Assert.Equal("tiny.cnn", info.GetProperty("file").GetString());
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
