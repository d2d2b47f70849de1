using Genrify.Collect.Tags;
using Genrify.Tests.Shared;

namespace Genrify.Collect.Tests.Tags;

public sealed class TagManifestTests
{
    private static string Fixture(string name) => Path.Combine(TestData.Directory, "collect", "tags", name);

    private static ManifestRow Row(string id, string genre, string? title = null, string? artist = null,
        string? album = null, string? year = null) =>
        new(id, genre, TrackName: title, Location: id, Artist: artist, Album: album, ReleaseDate: year, Source: "tags");

    // ManifestRow's record equality compares Extra by reference, so rows are compared field by field, Extra as text.
    private static void AssertRows(IEnumerable<ManifestRow> expected, IEnumerable<ManifestRow> actual) =>
        Assert.Equal(expected.Select(Fields), actual.Select(Fields));

    private static string Fields(ManifestRow r) =>
        $"{r with { Extra = null! }} extra: {string.Join(", ", r.Extra.Select(kv => kv.Key + "=" + kv.Value))}";

    [Fact]
    public void Each_format_s_genre_tags_become_rows_equal_to_the_tags_written()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "blues/b.mp3", ["Blues"], "Hellhound", "Robert Johnson", "King", 1936);
        library.Tagged("muldjord_armygeddon_30s.ogg", "metal/armygeddon.ogg", ["Metal", "Industrial"], "Armygeddon", "Muldjord", "Songs", 2009);
        library.Tagged("wz2100_track1_30s.opus", "game/track1.opus", ["Soundtrack"], "Track 1", "Warzone");
        library.Tagged("clip09_edm_128_44k_stereo.flac", "edm/clip.flac", ["House"], year: 2020);
        library.Tagged("clip09_edm_128_5s_aac.m4a", "edm/clip.m4a", ["Techno"], "Clip", "Synth", "Clips", 2021);

        var result = TagManifest.FromLibrary(library.Root);

        Assert.Empty(result.Skipped);
        AssertRows(
        [
            Row("blues/b.mp3", "Blues", "Hellhound", "Robert Johnson", "King", "1936"),
            Row("edm/clip.flac", "House", year: "2020"),
            Row("edm/clip.m4a", "Techno", "Clip", "Synth", "Clips", "2021"),
            Row("game/track1.opus", "Soundtrack", "Track 1", "Warzone"),
            Row("metal/armygeddon.ogg", "Metal", "Armygeddon", "Muldjord", "Songs", "2009"),
            Row("metal/armygeddon.ogg", "Industrial", "Armygeddon", "Muldjord", "Songs", "2009"),
        ], result.Rows);
        Assert.Equal(5, result.SongCount);
    }

    [Fact]
    public void Several_vorbis_genre_fields_are_several_rows_of_one_song()
    {
        using var library = new MusicLibraryFolder();
        var path = library.Copy("clip09_edm_128_44k_stereo.ogg", "two.ogg");
        using (var file = TagLib.File.Create(path))
        {
            // Two separate GENRE fields in the comment, the way Vorbis taggers write several genres.
            var comment = (TagLib.Ogg.XiphComment)file.GetTag(TagLib.TagTypes.Xiph, create: true);
            comment.SetField("GENRE", "Electronic", "Dance");
            file.Save();
        }

        var rows = TagManifest.FromLibrary(library.Root).Rows;

        Assert.Equal(["Electronic", "Dance"], rows.Select(r => r.Genre));
        Assert.All(rows, r => Assert.Equal("two.ogg", r.Id));
    }

    [Theory]
    [InlineData("blues.00099.mp3")]
    [InlineData("clip09_edm_128_44k_stereo.flac")]
    [InlineData("wz2100_track1_30s.opus")]
    [InlineData("clip09_edm_128_5s_aac.m4a")]
    public void A_file_with_two_genres_gives_two_rows_with_one_id(string clip)
    {
        using var library = new MusicLibraryFolder();
        var name = "two" + Path.GetExtension(clip);
        library.Tagged(clip, name, ["Jazz", "Blues"], "Song", "Band");

        AssertRows([Row(name, "Jazz", "Song", "Band"), Row(name, "Blues", "Song", "Band")], TagManifest.FromLibrary(library.Root).Rows);
    }

    [Fact]
    public void Tags_written_by_ffmpeg_are_read_with_id3v1_genre_numbers_resolved()
    {
        // Fixtures tagged by ffmpeg (make_fixtures.sh there): TCON "(17)", an ID3v1 genre byte, Vorbis, MP4 ©gen.
        using var library = new MusicLibraryFolder();
        foreach (var name in new[] { "id3v23_genre_reference.mp3", "id3v1_only.mp3", "vorbis_genre.ogg", "mp4_genre.m4a" })
            library.Copy(Fixture(name), name, stripTags: false);

        var result = TagManifest.FromLibrary(library.Root);

        Assert.Empty(result.Skipped);
        AssertRows(
        [
            Row("id3v1_only.mp3", "Jazz", "Frontiers", "Ascension", "Tags", "1999"),
            Row("id3v23_genre_reference.mp3", "Rock", "Frontiers", "Ascension", "Tags", "1999"),
            Row("mp4_genre.m4a", "Electronic", "Frontiers", "Ascension", "Tags", "1999"),
            Row("vorbis_genre.ogg", "Metal", "Frontiers", "Ascension", "Tags", "1999"),
        ], result.Rows);
    }

    [Fact]
    public void An_mp4_numeric_gnre_atom_is_the_id3v1_genre_one_below_it()
    {
        using var library = new MusicLibraryFolder();
        var path = library.Copy("clip09_edm_128_5s_aac.m4a", "gnre.m4a");
        using (var file = TagLib.File.Create(path))
        {
            // iTunes's old numeric genre: the ID3v1 number plus one, big-endian (18 = Rock).
            var apple = (TagLib.Mpeg4.AppleTag)file.GetTag(TagLib.TagTypes.Apple, create: true);
            apple.SetData(TagLib.ByteVector.FromString("gnre", TagLib.StringType.Latin1), TagLib.ByteVector.FromUShort(18), (uint)TagLib.Mpeg4.AppleDataBox.FlagType.ContainsData);
            file.Save();
        }

        Assert.Equal(["Rock"], TagManifest.FromLibrary(library.Root).Rows.Select(r => r.Genre));
    }

    [Fact]
    public void Untagged_and_non_audio_files_are_reported_not_rows_and_other_files_are_ignored()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "a.mp3", ["Blues"]);
        library.Tagged("blues.00099.mp3", "blank_genre.mp3", ["  ", ""], title: "Only a title");
        library.Copy("asc_frontiers_30s.mp3", "untagged.mp3");
        library.Copy(TestData.BadAudio("text_renamed.mp3"), "text_renamed.mp3", stripTags: false);
        library.Write("notes.ogg", "not a song, whatever its name says");
        library.Write("empty.flac", "");
        library.Write("cover.jpg", "ignored: not an audio extension");

        var result = TagManifest.FromLibrary(library.Root);

        AssertRows([Row("a.mp3", "Blues")], result.Rows);
        Assert.Equal(["blank_genre.mp3", "empty.flac", "notes.ogg", "text_renamed.mp3", "untagged.mp3"],
            result.Skipped.Select(s => s.Path));
        Assert.Equal("no genre tag", result.Skipped.Single(s => s.Path == "untagged.mp3").Reason);
        Assert.Equal("no genre tag", result.Skipped.Single(s => s.Path == "blank_genre.mp3").Reason);
        foreach (var bad in new[] { "empty.flac", "notes.ogg", "text_renamed.mp3" })
            Assert.StartsWith("not a readable", result.Skipped.Single(s => s.Path == bad).Reason);
    }

    [Fact]
    public void Genre_names_are_trimmed_collapsed_and_spelled_as_most_of_the_library_spells_them()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "1.mp3", ["  hip   hop "]);
        library.Tagged("blues.00099.mp3", "2.mp3", ["Hip Hop"]);
        library.Tagged("blues.00099.mp3", "3.mp3", ["Hip\tHop", "HIP HOP"]);
        library.Tagged("blues.00099.mp3", "4.mp3", ["Folk"]);

        var rows = TagManifest.FromLibrary(library.Root).Rows;

        // "Hip Hop" is used three times, "hip hop" and "HIP HOP" once each; file 3's two spellings are one genre.
        Assert.Equal([("1.mp3", "Hip Hop"), ("2.mp3", "Hip Hop"), ("3.mp3", "Hip Hop"), ("4.mp3", "Folk")],
            rows.Select(r => (r.Id, r.Genre)));
    }

    [Fact]
    public void The_mapping_renames_genres_ignoring_case_and_whitespace()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "1.mp3", ["electronica"]);
        library.Tagged("blues.00099.mp3", "2.mp3", ["Electronic", "Synth  Pop"]);
        var options = new TagScanOptions
        {
            GenreMapping = new Dictionary<string, string> { ["Electronica"] = "Electronic", ["synth pop"] = "Pop" },
        };

        var rows = TagManifest.FromLibrary(library.Root, options).Rows;

        Assert.Equal([("1.mp3", "Electronic"), ("2.mp3", "Electronic"), ("2.mp3", "Pop")], rows.Select(r => (r.Id, r.Genre)));
    }

    [Fact]
    public void Locations_are_relative_to_the_manifest_s_folder_when_it_is_elsewhere()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "music/blues/b.mp3", ["Blues"]);
        var options = new TagScanOptions { ManifestFolder = Path.Combine(library.Root, "manifests") };

        var row = Assert.Single(TagManifest.FromLibrary(Path.Combine(library.Root, "music"), options).Rows);

        Assert.Equal("blues/b.mp3", row.Id);
        Assert.Equal("../music/blues/b.mp3", row.Location);
    }

    [Fact]
    public void Symbolic_link_loops_and_second_names_are_skipped_with_the_reason_and_broken_links_reported()
    {
        using var library = new MusicLibraryFolder();
        library.Tagged("blues.00099.mp3", "a/song.mp3", ["Blues"]);
        library.Link("a/loop", "..", toFolder: true);
        library.Link("alias", "a", toFolder: true);
        library.Link("same.mp3", "a/song.mp3", toFolder: false);
        library.Link("gone.mp3", "nowhere.mp3", toFolder: false);

        var result = TagManifest.FromLibrary(library.Root);

        AssertRows([Row("a/song.mp3", "Blues")], result.Rows);
        Assert.Equal(["a/loop", "alias", "gone.mp3", "same.mp3"], result.Skipped.Select(s => s.Path));
        Assert.Contains("folder already scanned (.)", result.Skipped[0].Reason);
        Assert.Contains("folder already scanned (a)", result.Skipped[1].Reason);
        Assert.StartsWith("broken symbolic link", result.Skipped[2].Reason);
        Assert.Contains("file already scanned (a/song.mp3)", result.Skipped[3].Reason);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_reason()
    {
        using var library = new MusicLibraryFolder();
        Assert.Throws<ArgumentException>(() => TagManifest.FromLibrary(" "));
        var missing = Assert.Throws<DirectoryNotFoundException>(() => TagManifest.FromLibrary(Path.Combine(library.Root, "none")));
        Assert.Contains("none", missing.Message);

        var blank = new TagScanOptions { GenreMapping = new Dictionary<string, string> { ["Rock"] = " " } };
        Assert.Contains("blank name", Assert.Throws<ArgumentException>(() => TagManifest.FromLibrary(library.Root, blank)).Message);
        var twice = new TagScanOptions { GenreMapping = new Dictionary<string, string> { ["Rock"] = "Rock", ["ROCK"] = "Metal" } };
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => TagManifest.FromLibrary(library.Root, twice)).Message);
    }
}
