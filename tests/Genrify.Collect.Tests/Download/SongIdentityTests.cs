using Genrify.Collect.Download;
using Genrify.Collect.Tests.Loopback;

namespace Genrify.Collect.Tests.Download;

/// <summary>One song is one file: an id listed under several genres, and the same audio under two ids.</summary>
public class SongIdentityTests : LoopbackTest
{
    [Fact]
    public async Task The_same_song_under_two_genres_is_one_file_with_two_rows()
    {
        Server.ServeBytes("/a", Clips.Song(1), "audio/wav");

        var report = await Collect([Row("a", "rock", "/a"), Row("a", "pop", "/a"), Row("a", "rock", "/a")]);

        Assert.Single(Server.HitsOf("/a"));
        Assert.Equal(1, report.Collected);
        var rows = CollectionCheck.AssertValid(Folder);
        Assert.Equal(["rock", "pop"], rows.Select(r => r.Genre));
        Assert.Equal(["a.wav", "a.wav"], rows.Select(r => r.Location));
    }

    [Fact]
    public async Task The_same_audio_under_two_ids_is_one_song_with_both_genres()
    {
        var song = Clips.Song(2);
        Server.ServeBytes("/first", song, "audio/wav");
        Server.ServeBytes("/second", song, "audio/wav");
        Server.ServeBytes("/other", Clips.Song(3), "audio/wav");

        var report = await Collect([Row("x", "rock", "/first"), Row("y", "jazz", "/second"), Row("z", "rock", "/other")]);

        Assert.Equal(3, report.Songs);
        Assert.Equal(2, report.Collected);
        Assert.Equal(new DuplicateSong("y", "x"), Assert.Single(report.Duplicates));
        var rows = CollectionCheck.AssertValid(Folder);
        Assert.Equal([("x", "rock"), ("x", "jazz"), ("z", "rock")], rows.Select(r => (r.Id, r.Genre)));
        Assert.Equal(["x.wav", "z.wav"], CollectionCheck.AudioFiles(Folder));
    }
}
