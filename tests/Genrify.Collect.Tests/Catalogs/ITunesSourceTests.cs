using Genrify.Collect.Catalogs;

namespace Genrify.Collect.Tests.Catalogs;

public sealed class ITunesSourceTests
{
    [Fact]
    public async Task Keeps_songs_whose_primary_genre_is_the_requested_one_with_cap_and_previews()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.Json("/search", "itunes/search-rock.json");
        using var http = CatalogFixtures.ResilientClient();
        var source = new ITunesSource(http, new ITunesSourceOptions { BaseUrl = server.BaseUrl });

        var result = await CatalogCollector.CollectAsync(source, ["rock"], perGenre: 3);

        Assert.Equal(["itunes:1440001001", "itunes:1440001002", "itunes:1440005001"], result.Rows.Select(r => r.Id));
        var first = result.Rows[0];
        Assert.Equal(("rock", "Rock Steady Road", "Gravel Kings", "itunes:artist:900001", "Road Songs", "2018-03-02T12:00:00Z", "itunes"),
            (first.Genre, first.TrackName, first.Artist, first.ArtistUri, first.Album, first.ReleaseDate, first.Source));
        Assert.Equal(server.BaseUrl + "preview/1440001001.m4a", first.PreviewUrl);
        var report = result.Report.Genres[0];
        Assert.Equal("Rock", report.SourceGenre.Name);
        Assert.Equal(1, report.SkippedFor(CatalogSkipReason.ArtistCap));
        Assert.Equal(1, report.SkippedFor(CatalogSkipReason.OtherGenre)); // "Rock Your Body" is filed under Pop
        Assert.Equal(1, report.SkippedFor(CatalogSkipReason.NoPreview));
        Assert.DoesNotContain(result.Report.SkippedTracks, s => s.Id == "itunes:1440004001"); // a music video is no song
        Assert.Equal(["GET /search?term=Rock&media=music&entity=song&limit=200&country=US"], server.Requests);
    }

    [Fact]
    public async Task Default_mapping_finds_the_stores_spelling()
    {
        using var http = new HttpClient();
        var source = new ITunesSource(http);
        var genres = await source.GetGenresAsync();
        Assert.Equal("Hip-Hop/Rap", GenreMapping.Default.Resolve("hip hop", source.Name, genres, source.AcceptsAnyGenre).Name);
        Assert.Equal("R&B/Soul", GenreMapping.Default.Resolve("soul", source.Name, genres, source.AcceptsAnyGenre).Name);
    }

    [Theory]
    [InlineData("USA", 200, "Country must be a two-letter store code")]
    [InlineData("US", 0, "Limit must be within 1..200")]
    [InlineData("US", 201, "Limit must be within 1..200")]
    public void Bad_options_are_refused_with_the_reason(string country, int limit, string message)
    {
        using var http = new HttpClient();
        var e = Assert.Throws<ArgumentException>(() => new ITunesSource(http, new ITunesSourceOptions { Country = country, Limit = limit }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
