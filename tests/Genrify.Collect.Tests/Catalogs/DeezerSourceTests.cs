using Genrify.Collect.Catalogs;
using Microsoft.AspNetCore.Http;

namespace Genrify.Collect.Tests.Catalogs;

public sealed class DeezerSourceTests
{
    private static async Task<LoopbackCatalogServer> DeezerAsync()
    {
        var server = await LoopbackCatalogServer.StartAsync();
        server.Json("/genre", "deezer/genre.json")
            .Json("/genre/152/artists", "deezer/genre-152-artists.json")
            .Json("/genre/152/artists?index=1", "deezer/genre-152-artists-index-1.json")
            .Json("/genre/132/artists", "deezer/genre-132-artists.json");
        foreach (string artist in new[] { "1101", "1102", "1103" })
            server.Json($"/artist/{artist}/top", $"deezer/artist-{artist}-top.json");
        foreach (string album in new[] { "51101", "51200", "51202", "51301" })
            server.Json($"/album/{album}", $"deezer/album-{album}.json");
        // One album answers 429 first: the client's retry must get the recording on the second try.
        server.TooManyRequests("/album/51201", 0).Json("/album/51201", "deezer/album-51201.json");
        return server;
    }

    [Fact]
    public async Task Collects_balanced_rows_walking_paged_artists_with_cap_previews_and_album_genres()
    {
        await using var server = await DeezerAsync();
        using var http = CatalogFixtures.ResilientClient();
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl });

        var result = await CatalogCollector.CollectAsync(source, ["rock", "pop"], perGenre: 3);

        Assert.Equal(
            ["rock deezer:910001", "rock deezer:910002", "rock deezer:920002", "pop deezer:920002", "pop deezer:930001", "pop deezer:930002"],
            result.Rows.Select(r => $"{r.Genre} {r.Id}"));
        var first = result.Rows[0];
        Assert.Equal(("Encore 1", "The Long Setlist", "deezer:artist:1101", "Live Forever", "2019-05-17", "deezer"),
            (first.TrackName, first.Artist, first.ArtistUri, first.Album, first.ReleaseDate, first.Source));
        Assert.Equal(server.BaseUrl + "preview/910001.mp3", first.PreviewUrl);
        // The song under both genres is one song: same id, same fields, two labels.
        var both = result.Rows.Where(r => r.Id == "deezer:920002").ToList();
        Assert.Equal(["rock", "pop"], both.Select(r => r.Genre));
        Assert.Equal(CatalogFixtures.Fields(both[0] with { Genre = "pop" }), CatalogFixtures.Fields(both[1]));

        var rock = result.Report.Genres[0];
        Assert.Equal(("rock", "Rock", "152", 3), (rock.Genre, rock.SourceGenre.Name, rock.SourceGenre.Id, rock.Found));
        Assert.Equal(3, rock.SkippedFor(CatalogSkipReason.ArtistCap)); // the artist with five tracks gives two
        Assert.Equal(1, rock.SkippedFor(CatalogSkipReason.NoPreview));
        var pop = result.Report.Genres[1];
        Assert.Equal(3, pop.Found);
        Assert.Equal(2, pop.SkippedFor(CatalogSkipReason.OtherGenre)); // albums filed under Rock only
        Assert.Contains(result.Report.SkippedTracks, s => s is { Id: "deezer:920001", Genre: "rock", Reason: CatalogSkipReason.NoPreview });
        Assert.Contains(result.Report.Notes, n => n.Contains("1 song(s) had no preview URL at deezer", StringComparison.Ordinal));

        Assert.Equal(1, server.CountOf("/genre/152/artists?index=1")); // the `next` page was followed
        Assert.Equal(2, server.CountOf("/album/51201")); // 429, then the answer; cached for the second genre
        Assert.Equal(1, server.CountOf("/album/51101"));
    }

    [Fact]
    public async Task Order_and_rows_are_the_same_on_every_run()
    {
        await using var server = await DeezerAsync();
        using var http = CatalogFixtures.ResilientClient();
        var options = new DeezerSourceOptions { BaseUrl = server.BaseUrl };
        var once = await CatalogCollector.CollectAsync(new DeezerSource(http, options), ["pop", "rock"], 2);
        var again = await CatalogCollector.CollectAsync(new DeezerSource(http, options), ["pop", "rock"], 2);
        Assert.Equal(once.Rows.Select(CatalogFixtures.Fields), again.Rows.Select(CatalogFixtures.Fields));
        Assert.Equal(["pop", "pop", "rock", "rock"], once.Rows.Select(r => r.Genre));
    }

    [Fact]
    public async Task An_unknown_genre_fails_before_any_song_is_read_and_lists_the_genres()
    {
        await using var server = await DeezerAsync();
        using var http = CatalogFixtures.ResilientClient();
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => CatalogCollector.CollectAsync(source, ["rock", "polka"], 3));

        Assert.Contains("deezer has no genre \"polka\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("Pop, Rap/Hip Hop, Rock, Jazz, R&B", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("All", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountOf("/genre/152"));
    }

    [Fact]
    public async Task A_mapped_genre_labels_rows_with_the_requested_name()
    {
        await using var server = await DeezerAsync();
        using var http = CatalogFixtures.ResilientClient();
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl });

        var result = await CatalogCollector.CollectAsync(source, ["guitar music"], 1,
            new CatalogCollectOptions { Mapping = GenreMapping.Parse("guitar music=Rock") });

        Assert.Equal("guitar music", Assert.Single(result.Rows).Genre);
        Assert.Equal("152", result.Report.Genres[0].SourceGenre.Id);
    }

    [Fact]
    public async Task An_endless_chain_of_next_pages_stops_at_the_page_limit()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.Json("/genre", "deezer/genre.json");
        server.On("/genre/129/artists", context =>
        {
            int index = int.TryParse(context.Request.Query["index"], out int i) ? i : 0;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync($$"""{"data":[{"id":{{7000 + index}},"name":"Quartet {{index}}","type":"artist"}],"total":100000,"next":"{{server.BaseUrl}}genre/129/artists?index={{index + 1}}"}""");
        });
        for (int i = 0; i < 10; i++)
            server.On($"/artist/{7000 + i}/top", context => context.Response.WriteAsync("""{"data":[],"total":0}"""));
        using var http = CatalogFixtures.ResilientClient();
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl, MaxPages = 3 });

        var result = await CatalogCollector.CollectAsync(source, ["jazz"], 5);

        Assert.Empty(result.Rows);
        Assert.Equal(3, server.CountOf("/genre/129/artists"));
        Assert.True(result.Report.Genres[0].IsShort);
        Assert.Contains(result.Report.Notes, n => n.StartsWith("jazz: deezer offered only 0 usable song(s) of the 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_error_inside_a_200_answer_is_reported_with_Deezers_message()
    {
        await using var server = await LoopbackCatalogServer.StartAsync();
        server.Json("/genre", "deezer/error-quota.json");
        using var http = CatalogFixtures.ResilientClient();
        var source = new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => source.GetGenresAsync());

        Assert.Contains("Quota limit exceeded (code 4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("50 requests per 5 seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_preview_address_serves_the_clip()
    {
        await using var server = await DeezerAsync();
        byte[] clip = await File.ReadAllBytesAsync(CatalogFixtures.Audio("blues.00099.mp3"));
        server.On("/preview/910001.mp3", context =>
        {
            context.Response.ContentType = "audio/mpeg";
            return context.Response.Body.WriteAsync(clip).AsTask();
        });
        using var http = CatalogFixtures.ResilientClient();
        var result = await CatalogCollector.CollectAsync(new DeezerSource(http, new DeezerSourceOptions { BaseUrl = server.BaseUrl }), ["rock"], 1);

        byte[] downloaded = await http.GetByteArrayAsync(result.Rows[0].PreviewUrl);

        Assert.Equal(clip, downloaded);
    }

    [Theory]
    [InlineData("ftp://api.deezer.com/")]
    [InlineData("/relative/")]
    public void A_base_url_that_is_not_absolute_http_is_refused(string url)
    {
        using var http = new HttpClient();
        var e = Assert.Throws<ArgumentException>(() => new DeezerSource(http, new DeezerSourceOptions { BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute) }));
        Assert.Contains("BaseUrl must be an absolute http or https URL", e.Message, StringComparison.Ordinal);
    }
}
