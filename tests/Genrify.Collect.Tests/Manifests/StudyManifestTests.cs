using Genrify.Collect.Manifests;
using Genrify.Tests.Shared;

namespace Genrify.Collect.Tests.Manifests;

public class StudyManifestTests
{
    [Fact]
    public void Rows_round_trip_with_the_study_columns_in_order_then_source_then_extras()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("m.csv");
        ManifestRow[] rows =
        [
            new("spotify:1", "rock", "=cmd|' /C calc'!A0", "https://p.example/1.mp3", "clips/1.mp3", "Ärtist, \"the\"", "spotify:artist:9",
                "Album\nwith a line break", "1999-01-01", "spotify") { Extra = new Dictionary<string, string> { ["danceability"] = "0.5", ["fold"] = "-3" } },
            new("deezer:2", "pop", Source: "deezer") { Extra = new Dictionary<string, string> { ["note"] = "@home" } },
        ];

        StudyManifest.Write(path, rows);
        var back = StudyManifest.Read(path);

        Assert.Equal("id,genre,track_name,preview_url,location,filename,artist,artist_uri,album,release_date,source,danceability,fold,note",
            File.ReadLines(path).First());
        Assert.Contains("'=cmd", File.ReadAllText(path)); // a formula is not a formula in a spreadsheet
        Assert.Equal(2, back.Count);
        Assert.Equal(rows[0] with { Extra = back[0].Extra }, back[0]);
        Assert.Equal(new Dictionary<string, string> { ["danceability"] = "0.5", ["fold"] = "-3", ["note"] = "" }, back[0].Extra);
        Assert.Equal(rows[1] with { Extra = back[1].Extra }, back[1]);
        Assert.Equal("@home", back[1].Extra["note"]);
    }

    [Fact]
    public void The_filename_column_is_the_location_s_file_name_and_stands_in_for_a_missing_location()
    {
        using var temp = new TempFolder();
        var path = temp.Write("m.csv", "id,genre,filename,artist\nx,rock,x.mp3,Someone\n");

        var row = Assert.Single(StudyManifest.Read(path));
        Assert.Equal("x.mp3", row.Location);
        Assert.Equal("Someone", row.Artist);

        StudyManifest.Write(path, [row with { Location = "sub/y.mp3" }]);
        Assert.Equal("x,rock,,,sub/y.mp3,y.mp3,Someone,,,,", File.ReadLines(path).Skip(1).Single());
    }

    [Theory]
    [InlineData("genre,track_name\nrock,x\n", "m.csv: missing column(s) id; found genre, track_name")]
    [InlineData("id,genre\na,rock\n,pop\n", "m.csv:3: row has no id")]
    [InlineData("id,genre\na,rock\nb,\n", "m.csv:3: row with id b has no genre")]
    [InlineData("id,genre\na,rock,extra\n", "m.csv:2: 3 cells but the header has 2 columns")]
    [InlineData("id,genre,id\na,rock,b\n", "m.csv:1: column id appears twice")]
    [InlineData("id,genre,album\na,rock,\"open\nb,pop,x\n", "m.csv:2: unterminated quoted cell")]
    [InlineData("id,genre\na,ro\"ck\n", "m.csv:2: a stray \" inside an unquoted cell")]
    [InlineData("", "m.csv: empty manifest (no header row)")]
    public void Bad_manifests_are_refused_naming_file_and_line(string content, string expected)
    {
        using var temp = new TempFolder();
        var path = temp.Write("m.csv", content);

        var error = Assert.Throws<InvalidDataException>(() => StudyManifest.Read(path));

        Assert.StartsWith(temp.PathOf(expected), error.Message);
    }

    [Fact]
    public void Writing_refuses_rows_without_id_or_genre_and_keeps_the_old_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write("m.csv", "id,genre\nold,rock\n");

        var error = Assert.Throws<ArgumentException>(() => StudyManifest.Write(path, [new ManifestRow("a", "rock"), new ManifestRow("b", " ")]));

        Assert.Contains("row 2 (id b) has no genre", error.Message);
        Assert.Equal("id,genre\nold,rock\n", File.ReadAllText(path));
        Assert.Throws<FileNotFoundException>(() => StudyManifest.Read(temp.PathOf("none.csv")));
    }
}
