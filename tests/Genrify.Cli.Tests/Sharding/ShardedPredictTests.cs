using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Sharding;

public class ShardedPredictTests
{
    [Fact]
    public void Three_shards_answer_every_song_of_a_folder_exactly_once()
    {
        using var temp = new TempFolder();
        temp.Copy("blues.00099.mp3", "songs/blues/blues.00099.mp3");
        temp.Copy("clip09_edm_128.wav", "songs/electronic/clip09_edm_128.wav");
        temp.Copy("clip04_click_90.wav", "songs/electronic/sub/clip04_click_90.wav");
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav");
        var songs = temp.PathOf("songs");
        var gtzan = Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json");

        var answered = Enumerable.Range(0, 3).Select(i =>
        {
            var run = CliRun.Of(PresetRegistry.Default, "predict", songs, "--model", gtzan, "--json", "--max-seconds", "5", "--shard", $"{i}/3");
            Assert.True(run.ExitCode == 0, run.Error);
            return run.OutLines.Select(line =>
            {
                using var answer = JsonDocument.Parse(line);
                return Path.GetRelativePath(songs, answer.RootElement.GetProperty("file").GetString()!);
            }).ToList();
        }).ToList();

        // By the path relative to the folder, as ShardSpecTests' reference shards have it.
        Assert.Equal(["blues/blues.00099.mp3", "electronic/clip09_edm_128.wav"], answered[0]);
        Assert.Equal(["electronic/sub/clip04_click_90.wav"], answered[1]);
        Assert.Equal(["tones/clip01_chord_tones.wav"], answered[2]);
    }
}
