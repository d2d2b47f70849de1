using System.Net;
using System.Text.Json;
using Genrify.Explore;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Genrify.Web.Tests;

/// <summary>Why an answer is what it is: the nearest songs of the collection the server knows, the drivers of the
/// decision and the notes, in <c>POST /api/predict</c>, for a feature model with its songs, a collection given with
/// <c>--collection</c>, and the default model.</summary>
public sealed class ExplanationTests
{
    private static string DefaultModel => Path.Combine(TestData.RepositoryRoot, "models", "default.json");

    private static async Task<JsonElement> PredictAsync(TestApp app, string clip)
    {
        using var response = await app.Client.PostAsync("/api/predict", Requests.Upload(TestData.Audio(clip)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{clip}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static (string Id, string[] Genres, double Distance)[] Neighbours(JsonElement answer) =>
        answer.GetProperty("neighbours").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!).ToArray(),
                n.GetProperty("distance").GetDouble()))
            .ToArray();

    private static string[] Notes(JsonElement answer) => answer.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToArray();

    [Fact]
    public async Task A_model_with_its_songs_answers_with_its_nearest_training_songs_and_the_drivers_of_its_decision()
    {
        await using var app = await TestApp.StartAsync(o => o with { ModelPath = SmallCollection.ModelPath });
        var answer = await PredictAsync(app, SmallCollection.OwnClip);

        var neighbours = Neighbours(answer);
        Assert.Equal(5, neighbours.Length);
        Assert.All(neighbours, n => Assert.Contains(n.Id, SmallCollection.Ids));
        // The clip is a song of the collection: our features of its audio land next to the table's features of it (not
        // on them: the table was made from GTZAN's own .au file; 2.2 against 5.1 for the next song).
        Assert.Equal(SmallCollection.OwnClipId, neighbours[0].Id);
        Assert.Equal(["classical"], neighbours[0].Genres);
        Assert.True(neighbours[0].Distance < neighbours[1].Distance / 2, $"itself at {neighbours[0].Distance}, the next song at {neighbours[1].Distance}");
        Assert.Equal(neighbours.Select(n => n.Distance).Order(), neighbours.Select(n => n.Distance));
        Assert.Contains("'gtzan' features", answer.GetProperty("space").GetString());

        var drivers = answer.GetProperty("drivers").EnumerateArray().ToArray();
        Assert.Equal(SongAnalyser.ExplainOptions.Drivers, drivers.Length);
        var deltas = drivers.Select(d => Math.Abs(d.GetProperty("delta").GetDouble())).ToArray();
        Assert.Equal(deltas.OrderDescending(), deltas);
        Assert.True(deltas[0] > 0);
        Assert.Empty(Notes(answer));

        // The page serves the library's explanation of the same decode, unchanged.
        var predictor = app.App.Services.GetRequiredService<SongAnalyser>().Predictor;
        var expected = SongExplainer.ForModel(predictor).ExplainFile(TestData.Audio(SmallCollection.OwnClip), SongAnalyser.ExplainOptions);
        Assert.Equal(expected.Neighbours.Select(n => n.Id), neighbours.Select(n => n.Id));
        Assert.Equal(expected.Drivers.Select(d => d.Name), drivers.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(expected.Drivers.Select(d => d.Delta), drivers.Select(d => d.GetProperty("delta").GetDouble()));
        var groups = FeatureGroup.ByStem(((SongPredictor)predictor).Preset.FeatureNames);
        Assert.All(drivers, d => Assert.Contains(d.GetProperty("name").GetString(), groups.Select(g => g.Name)));
    }

    [Fact]
    public async Task A_collection_table_gives_a_model_without_songs_its_neighbours()
    {
        // The shared test model carries no songs; the small table stands for them.
        await using var app = await TestApp.StartAsync(o => o with { CollectionSource = SmallCollection.TablePath });
        var answer = await PredictAsync(app, SmallCollection.OwnClip);

        var neighbours = Neighbours(answer);
        Assert.Equal(5, neighbours.Length);
        Assert.All(neighbours, n => Assert.Contains(n.Id, SmallCollection.Ids));
        Assert.Equal(SmallCollection.OwnClipId, neighbours[0].Id);
        Assert.NotEmpty(answer.GetProperty("drivers").EnumerateArray());
        Assert.Empty(Notes(answer));

        using var summary = await app.Client.GetAsync("/api/collection");
        var collection = await Requests.JsonAsync(summary);
        Assert.Equal("small-gtzan.csv", collection.GetProperty("source").GetString());
        Assert.Equal(SmallCollection.Ids.Count, collection.GetProperty("songs").GetInt32());
        Assert.Equal(["blues 20", "classical 20", "metal 20"],
            collection.GetProperty("genres").EnumerateArray().Select(g => $"{g.GetProperty("genre").GetString()} {g.GetProperty("songs").GetInt32()}"));
    }

    [Fact]
    public async Task The_default_model_without_a_collection_answers_with_a_note_and_no_neighbours()
    {
        await using var app = await TestApp.StartAsync(o => o with { ModelPath = DefaultModel });
        var answer = await PredictAsync(app, "muldjord_armygeddon_30s.ogg");

        Assert.Empty(answer.GetProperty("neighbours").EnumerateArray());
        Assert.Empty(answer.GetProperty("drivers").EnumerateArray());
        Assert.NotEmpty(answer.GetProperty("tags").EnumerateArray());
        var notes = Notes(answer);
        Assert.Contains(notes, n => n.Contains("--collection", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("tags", StringComparison.Ordinal));

        using var summary = await app.Client.GetAsync("/api/collection");
        Assert.Equal("no-collection", (await Requests.ProblemAsync(summary, 404)).GetProperty("code").GetString());
        using var page = await app.Client.GetAsync("/collection");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_default_model_with_a_folder_collection_names_the_nearest_songs_in_musicnns_space()
    {
        var folder = MusicFolder.Create();
        try
        {
            await using var app = await TestApp.StartAsync(o => o with { ModelPath = DefaultModel, CollectionSource = folder });
            var answer = await PredictAsync(app, MusicFolder.Clips[0].Clip);

            var neighbours = Neighbours(answer);
            Assert.Equal(5, neighbours.Length);
            Assert.All(neighbours, n => Assert.Contains(n.Id, MusicFolder.Ids));
            // The uploaded clip is in the collection: the same decode, the same embedding.
            Assert.Equal($"{MusicFolder.Clips[0].Genre}/{MusicFolder.Clips[0].Clip}", neighbours[0].Id);
            Assert.Equal(0, neighbours[0].Distance, 1e-3);
            Assert.Contains("MusiCNN", answer.GetProperty("space").GetString());
            Assert.DoesNotContain(Notes(answer), n => n.Contains("--collection", StringComparison.Ordinal));
        }
        finally
        {
            MusicFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task A_collection_that_cannot_be_used_is_a_bad_option_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-collection-" + Guid.NewGuid().ToString("N"));
        var errors = new StringWriter();
        Assert.Equal(2, await WebHost.RunAsync(new WebOptions { ModelPath = TrainedModel.Path, Port = 0, CollectionSource = missing },
            CancellationToken.None, TextWriter.Null, errors));
        Assert.Contains($"collection {missing}", errors.ToString());

        // A table of other features than the model's: named, with the reason.
        var error = Assert.Throws<ArgumentException>(() => WebHost.Build(new WebOptions
        {
            ModelPath = TrainedModel.Path, Port = 0, CollectionSource = Path.Combine(TestData.Directory, "tables", "list_columns.csv"),
        }));
        Assert.Contains("list_columns.csv", error.Message);
    }
}
