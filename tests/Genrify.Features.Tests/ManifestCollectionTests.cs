using Genrify.Tests.Shared;
using Genrify.Features.Tests.TestOnly;
using Genrify.Features.Collections;

namespace Genrify.Features.Tests;

public class ManifestCollectionTests
{
    private const string Header = "id,genre,track_name,artist,artist_uri,album,release_date,preview_url,location,danceability,fold";

    [Fact]
    public void Same_id_under_several_genres_is_one_song_with_all_genres_in_order()
    {
        using var temp = new TempFolder();
        temp.Copy("clip09_edm_128.wav", "data/audio/a.wav");
        temp.Copy("blues.00099.mp3", "other/b.mp3");
        var manifest = temp.Write("data/manifest.csv", string.Join('\n',
            Header,
            "s1,edm,\"Song, One\",Ann,spotify:artist:1,Alb,2020-01-01,http://x/1,audio/a.wav,0.81,2",
            "s2,blues,Two,Bob,spotify:artist:2,Alb2,1999,http://x/2,../other/b.mp3,0.40,0",
            "s1,house,\"Song, One\",Ann,spotify:artist:1,Alb,2020-01-01,http://x/1,audio/a.wav,0.81,2",
            "s3,jazz,Three,Cy,spotify:artist:3,Alb3,2001,http://x/3,audio/missing.wav,0.10,1",
            "s1,edm,\"Song, One\",Ann,spotify:artist:1,Alb,2020-01-01,http://x/1,audio/a.wav,0.81,2",
            "s4,pop,Four,Di,spotify:artist:4,Alb4,2002,http://x/4,,0.5,3") + "\n");

        var collection = TrackCollection.Open(manifest);

        Assert.Equal(["s1", "s2"], collection.Tracks.Select(t => t.Id));
        var s1 = collection.Tracks[0];
        Assert.Equal(["edm", "house"], s1.Genres);
        Assert.Equal("edm", s1.Label);
        Assert.Equal(Path.GetFullPath(temp.PathOf("data/audio/a.wav")), s1.Path);
        Assert.Equal("audio/a.wav", s1.File);
        Assert.Equal("Ann", s1.Artist);
        Assert.Equal("2", s1.Fold);
        Assert.Equal("0.81", s1.Metadata!["danceability"]);
        Assert.Equal("Song, One", s1.Metadata["track_name"]);
        Assert.Equal(Path.GetFullPath(temp.PathOf("other/b.mp3")), collection.Tracks[1].Path);

        Assert.Equal(2, collection.Skipped.Count);
        Assert.Contains("missing.wav", collection.Skipped[0].File);
        Assert.Equal("file not found", collection.Skipped[0].Reason);
        Assert.Contains("s4", collection.Skipped[1].File);
        Assert.Contains("no location", collection.Skipped[1].Reason);
    }

    [Fact]
    public void Filename_column_works_like_location_and_fold_is_optional()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/x.wav");
        var manifest = temp.Write("m/list.csv", "id,genre,artist,filename\nx,ambient,,x.wav\n");
        var track = Assert.Single(TrackCollection.Open(manifest).Tracks);
        Assert.Null(track.Fold);
        Assert.Null(track.Artist);
        Assert.Equal(["ambient"], track.Genres);
    }

    [Fact]
    public void Cells_protected_from_spreadsheets_read_back_as_written()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/=x.wav");
        var manifest = temp.Write("m/list.csv", "id,genre,artist,location\n'=song,'+rock,'@ann,'=x.wav\n");
        var track = Assert.Single(TrackCollection.Open(manifest).Tracks);
        Assert.Equal(("=song", "+rock", "@ann"), (track.Id, track.Label, track.Artist));
        Assert.EndsWith("=x.wav", track.Path);
    }

    [Fact]
    public void An_unterminated_quote_is_one_line_naming_the_file_and_the_line()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/a.wav");
        var manifest = temp.Write("m/list.csv", "id,genre,location\na,rock,a.wav\nb,\"pop,b.wav\nc,jazz,c.wav\n");

        var e = Assert.Throws<InvalidDataException>(() => TrackCollection.Open(manifest));
        Assert.Equal($"{manifest}:3: unterminated quoted field (a \" that is never closed)", e.Message);
    }

    [Fact]
    public void One_id_naming_two_files_keeps_the_first_and_reports_the_other_row_with_both_lines()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/a.wav");
        temp.Copy("clip09_edm_128.wav", "m/b.wav");
        var manifest = temp.Write("m/list.csv", "id,genre,location\ns1,rock,a.wav\ns1,pop,./a.wav\ns1,jazz,b.wav\ns2,jazz,b.wav\n");

        var collection = TrackCollection.Open(manifest);

        Assert.Equal(["s1", "s2"], collection.Tracks.Select(t => t.Id));
        Assert.Equal(["rock", "pop"], collection.Tracks[0].Genres); // the same file spelt another way is the same song
        Assert.EndsWith("a.wav", collection.Tracks[0].Path);
        var skipped = Assert.Single(collection.Skipped);
        Assert.Equal($"{manifest}:4", skipped.File);
        Assert.Equal("id s1 already names a.wav on line 2; this row names b.wav (one id cannot stand for two files)", skipped.Reason);
    }

    [Fact]
    public void A_manifest_row_naming_a_fifo_is_skipped()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/a.wav");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [temp.PathOf("m/pipe.wav")])) mkfifo.WaitForExit();
        var manifest = temp.Write("m/list.csv", "id,genre,location\na,rock,a.wav\np,pop,pipe.wav\n");
        var collection = TrackCollection.Open(manifest);
        Assert.Equal("a", Assert.Single(collection.Tracks).Id);
        Assert.Equal(new SkippedFile("pipe.wav (id p)", "not a regular file (FIFO)"), Assert.Single(collection.Skipped));
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        using var temp = new TempFolder();
        var manifest = temp.Write("bad.csv", "id,track_name\n1,x\n");
        var e = Assert.Throws<InvalidDataException>(() => TrackCollection.Open(manifest));
        Assert.Contains("genre", e.Message);
        Assert.Contains("location", e.Message);
    }
}
