using Genrify.Features.Collections;
using Genrify.Features.Sharding;

namespace Genrify.Features.Tests.Sharding;

public class ShardSpecTests
{
    // Reference shards from Python, which is how any other tool would compute them:
    // int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") % n
    [Theory]
    [InlineData("a", 1, 2)]
    [InlineData("b", 1, 2)]
    [InlineData("c", 2, 2)]
    [InlineData("blues/blues.00099.mp3", 0, 4)]
    [InlineData("electronic/sub/clip04_click_90.wav", 1, 5)]
    [InlineData("tones/clip01_chord_tones.wav", 2, 0)]
    [InlineData("3iSwsU8XIIn6OlDqUUzEsC", 2, 1)]
    [InlineData("Ünïcødé", 1, 4)]
    public void Known_ids_fall_in_the_shards_python_computes(string id, int of3, int of8)
    {
        Assert.Equal(of3, ShardSpec.ShardOf(id, 3));
        Assert.Equal(of8, ShardSpec.ShardOf(id, 8));
        Assert.True(new ShardSpec(of8, 8).Contains(id));
        Assert.False(new ShardSpec((of8 + 1) % 8, 8).Contains(id));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    public void Ten_thousand_ids_split_evenly_and_exactly_once(int count)
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"track-{i:D6}").ToList();
        var shards = Enumerable.Range(0, count).Select(i => new ShardSpec(i, count)).ToList();
        var sizes = shards.Select(s => ids.Count(s.Contains)).ToList();

        Assert.All(ids, id => Assert.Single(shards, s => s.Contains(id)));
        double expected = ids.Count / (double)count;
        Assert.All(sizes, size => Assert.InRange(size, expected * 0.95, expected * 1.05));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/8", 3, 8)]
    [InlineData(" 7 / 8 ", 7, 8)]
    public void Parses_index_and_count(string text, int index, int count)
    {
        var spec = ShardSpec.Parse(text);
        Assert.Equal(new ShardSpec(index, count), spec);
        Assert.Equal($"{index}/{count}", spec.ToString());
    }

    [Theory]
    [InlineData("3/3", "the shard index must be from 0 to 2 for 3 shard(s)")]
    [InlineData("-1/2", "the shard index must be from 0 to 1 for 2 shard(s)")]
    [InlineData("1/0", "the shard count must be at least 1")]
    [InlineData("x", "is not of the form i/n")]
    [InlineData("1/2/3", "is not of the form i/n")]
    [InlineData("/4", "the shard index is missing")]
    [InlineData("a/4", "the shard index 'a' is not a whole number")]
    [InlineData("1/9999999999", "the shard count '9999999999' is not a whole number")]
    public void Bad_specs_say_what_is_wrong(string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ShardSpec.Parse(text));
        Assert.Contains(reason, error.Message);
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void Selecting_a_collection_keeps_order_and_splits_skipped_entries_too()
    {
        var tracks = Enumerable.Range(0, 30).Select(i => new Track($"id{i}", $"/c/{i}.wav", $"{i}.wav", ["rock"])).ToList();
        var skipped = Enumerable.Range(0, 6).Select(i => new SkippedFile($"gone{i}.wav", "file not found")).ToList();
        var collection = new TrackCollection("/c", tracks, skipped);

        var parts = Enumerable.Range(0, 3).Select(i => new ShardSpec(i, 3).Select(collection)).ToList();

        Assert.Equal(tracks.Order(Comparer<Track>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id))),
            parts.SelectMany(p => p.Tracks).OrderBy(t => t.Id, StringComparer.Ordinal));
        Assert.All(parts, p => Assert.Equal(p.Tracks.OrderBy(t => tracks.IndexOf(t)), p.Tracks)); // collection order kept
        Assert.Equal(skipped.Count, parts.Sum(p => p.Skipped.Count));
        Assert.All(parts.SelectMany((p, i) => p.Tracks.Select(t => (t, i))), x => Assert.Equal(x.i, ShardSpec.ShardOf(x.t.Id, 3)));
        Assert.Same(collection, ShardSpec.Whole.Select(collection));
    }
}
