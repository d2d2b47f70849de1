using Genrify.Collect.Catalogs;

namespace Genrify.Collect.Tests.Catalogs;

public sealed class GenreMappingTests
{
    private static readonly CatalogGenre[] Deezer =
        [new("132", "Pop"), new("116", "Rap/Hip Hop"), new("152", "Rock"), new("165", "R&B")];

    [Theory]
    [InlineData("ROCK", "152")]
    [InlineData("hip-hop", "116")] // a '/'-part, ignoring case and punctuation
    [InlineData("rap", "116")]
    [InlineData("r&b", "165")]
    [InlineData("116", "116")] // the source's id
    public void Default_matches_by_name_part_or_id(string requested, string id) =>
        Assert.Equal(id, GenreMapping.Default.Resolve(requested, "deezer", Deezer, acceptsAnyGenre: false).Id);

    [Fact]
    public void Parses_entries_separated_by_commas_semicolons_or_lines()
    {
        var mapping = GenreMapping.Parse(" hip-hop = Rap/Hip Hop ; soul=R&B,\nguitar=Rock ");
        Assert.Equal(3, mapping.Entries.Count);
        Assert.Equal("116", mapping.Resolve("HIP-HOP", "deezer", Deezer, false).Id);
        Assert.Equal("165", mapping.Resolve("soul", "deezer", Deezer, false).Id);
        Assert.Same(GenreMapping.Default, GenreMapping.Parse("  "));
    }

    [Theory]
    [InlineData("hip-hop", "has no '='")]
    [InlineData("hip-hop=", "needs both sides")]
    [InlineData("rock=Rock, ROCK=Pop", "mapped twice")]
    public void Bad_text_is_refused_with_the_reason(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => GenreMapping.Parse(text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_matching_several_genres_asks_for_a_mapping()
    {
        CatalogGenre[] genres = [new("1", "Rap/Hip Hop"), new("2", "Hip-Hop/Rap")];
        var e = Assert.Throws<ArgumentException>(() => GenreMapping.Default.Resolve("rap", "somewhere", genres, false));
        Assert.Contains("matches several somewhere genres (Rap/Hip Hop, Hip-Hop/Rap)", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"rap=Rap/Hip Hop\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_to_a_missing_genre_lists_the_sources_genres()
    {
        var e = Assert.Throws<ArgumentException>(() => GenreMapping.Parse("metal=Heavy Metal").Resolve("metal", "deezer", Deezer, false));
        Assert.Contains("mapped to \"Heavy Metal\", which deezer does not have; its genres: Pop, Rap/Hip Hop, Rock, R&B", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_taking_any_genre_searches_the_requested_or_mapped_name()
    {
        Assert.Equal(new CatalogGenre("k-pop", "k-pop"), GenreMapping.Default.Resolve("k-pop", "spotify", [], acceptsAnyGenre: true));
        Assert.Equal("hip hop", GenreMapping.Parse("rap=hip hop").Resolve("rap", "spotify", [], true).Name);
    }

    [Fact]
    public async Task The_collector_refuses_repeated_genres_and_counts_below_one()
    {
        using var http = new HttpClient();
        var source = new ITunesSource(http);
        await Assert.ThrowsAsync<ArgumentException>(() => CatalogCollector.CollectAsync(source, ["rock", " Rock"], 1));
        await Assert.ThrowsAsync<ArgumentException>(() => CatalogCollector.CollectAsync(source, [], 1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => CatalogCollector.CollectAsync(source, ["rock"], 0));
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            CatalogCollector.CollectAsync(source, ["rock"], 1, new CatalogCollectOptions { MaxTracksPerArtist = 0 }));
        Assert.Contains("per-artist cap must be at least 1", e.Message, StringComparison.Ordinal);
    }
}
