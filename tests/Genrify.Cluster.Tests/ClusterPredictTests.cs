using Genrify.Cluster.Jobs;
using Genrify.Cluster.Workers;
using Genrify.Features;
using Genrify.Features.Collections;
using Genrify.Features.Sharding;
using Genrify.Pipeline;
using Genrify.Tests.Shared;

namespace Genrify.Cluster.Tests;

public class ClusterPredictTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_predict_job_writes_each_song_s_genre_probabilities_as_one_machine_computes_them()
    {
        using var temp = new TempFolder();
        var music = SyntheticCollection.Write(temp.PathOf("music"), clips: 9, seconds: 4, bad: 1);
        var model = Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json");
        var predictor = GenrePredictors.Load(model);

        await using var silos = await SiloCluster.StartAsync(2, new WorkerOptions { Slots = 1, IdlePoll = TimeSpan.FromMilliseconds(100) });
        var cluster = silos.Cluster;
        var store = temp.PathOf("predictions");
        var jobs = new ClusterJobClient(cluster.Client) { PollInterval = TimeSpan.FromMilliseconds(100) };
        await jobs.SubmitAsync("predict", new ClusterJobSpec(ClusterJobKind.Predict, music, null, model, store, Items: 4));
        var done = await jobs.WaitAsync("predict").WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(done.Error);
        Assert.Equal((4, 9L, 1L), (done.Done, done.Rows, done.SkippedCount));
        var table = ShardParts.Combine(store);
        Assert.Equal(WorkItemRunner.PredictionsPreset, table.PresetName);
        Assert.Equal(predictor.Classes, table.FeatureNames);
        var songs = TrackCollection.Open(music).Tracks.ToDictionary(t => t.Id);
        Assert.Equal(songs.Keys.Where(id => !id.Contains("broken", StringComparison.Ordinal)).Order(StringComparer.Ordinal), table.Rows.Select(r => r.Id!));
        foreach (var row in table.Rows)
        {
            var alone = predictor.PredictFile(songs[row.Id!].Path);
            Assert.Equal(alone.Label, row.Label);
            Assert.Equal(predictor.Classes.Select(c => alone.Genres.Single(g => g.Genre == c).Probability), row.Values);
        }
    }
}
