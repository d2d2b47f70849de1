using System.Text.Json;
using System.Text.Json.Serialization;

namespace Genrify.Explore.Tests.Neighbours;

public class CompactNearestSongIndexTests
{
    [Fact]
    public void Compact_form_survives_source_generated_json_with_float16_values()
    {
        var index = NearestSongIndex.Build(["a", "b", "c"], ["rock", "rock|pop", ""],
            [[1.0, -2.5, 0.1], [65504, 1e-7, -3.14159], [0, 1.0 / 3, 1000.1]]);
        string json = JsonSerializer.Serialize(index.ToCompact(), CompactJson.Default.CompactNearestSongIndex);
        var back = NearestSongIndex.FromCompact(JsonSerializer.Deserialize(json, CompactJson.Default.CompactNearestSongIndex)!);

        Assert.Equal(index.Ids, back.Ids);
        Assert.Equal(index.GenreTexts, back.GenreTexts);
        Assert.Equal(3, back.Dimensions);
        for (int i = 0; i < index.Count; i++)
            Assert.Equal(index.Vector(i).ToArray().Select(v => (float)(Half)v), back.Vector(i).ToArray());
        // Rounded to 11 significant bits: within 2^-11 of each value.
        Assert.Equal(0.1f, back.Vector(0)[2], 0.1 / 2048);
        Assert.Equal(1000.1f, back.Vector(2)[2], 1000.1 / 2048);
        Assert.Equal(65504f, back.Vector(1)[0]);
    }

    [Fact]
    public void Float16_neighbours_equal_float32_neighbours_on_emotify_except_within_float16_error()
    {
        var full = NearestSongIndex.Build(EmotifyVectors.Ids, EmotifyVectors.Genres, EmotifyVectors.Rows);
        var compact = NearestSongIndex.FromCompact(full.ToCompact());
        const int k = 10;
        int ranks = 0, swapped = 0;
        for (int song = 0; song < full.Count; song++)
        {
            var query = full.Vector(song);
            double queryLength = Math.Sqrt(query.ToArray().Sum(v => (double)v * v));
            var want = full.NeighboursOf(song, k);
            var got = compact.Query(query, k, exclude: song);
            Assert.Equal(k, got.Count);
            for (int r = 0; r < k; r++, ranks++)
            {
                double length = Math.Sqrt(full.Vector(got[r].Index).ToArray().Sum(v => (double)v * v));
                double bound = (length + queryLength) / 2048; // each vector moves by at most 2^-11 of its length
                Assert.Equal(want[r].Distance, got[r].Distance, bound);
                if (got[r].Index == want[r].Index) continue;
                // A swap is allowed only between songs whose float32 distances lie within float16's error.
                swapped++;
                double exact = full.Query(query, full.Count).First(n => n.Index == got[r].Index).Distance;
                Assert.True(Math.Abs(exact - want[r].Distance) <= 2 * bound,
                    $"song {song}, rank {r}: float16 found {got[r].Id} at {exact:F5}, float32 {want[r].Id} at {want[r].Distance:F5}");
            }
        }
        // Ties within the error are rare on real data: nearly all ranks agree.
        Assert.True(swapped <= ranks / 100, $"{swapped} of {ranks} ranks differ");
    }

    [Fact]
    public void Values_beyond_float16_range_are_refused_when_compacting()
    {
        var index = NearestSongIndex.Build(["a", "b"], ["g", "g"], [[1.0, 2.0], [3.0, -70000]]);
        var error = Assert.Throws<ArgumentException>(index.ToCompact);
        Assert.Contains("song 1 ('b'), value 1", error.Message);
        Assert.Contains("65504", error.Message);
    }

    [Fact]
    public void Inconsistent_compact_forms_are_refused_with_the_reason()
    {
        var good = NearestSongIndex.Build(["a", "b"], ["g", "h"], [[1.0, 2.0], [3.0, 4.0]]).ToCompact();
        Assert.Contains("not base64", Assert.Throws<ArgumentException>(() => (good with { Vectors = "%%%" }).ToIndex()).Message);
        Assert.Contains("hold 6 bytes", Assert.Throws<ArgumentException>(() => (good with { Vectors = Convert.ToBase64String(new byte[6]) }).ToIndex()).Message);
        Assert.Contains("0 dimensions", Assert.Throws<ArgumentException>(() => (good with { Dimensions = 0 }).ToIndex()).Message);
        Assert.Contains("2 ids but 1", Assert.Throws<ArgumentException>(() => (good with { Genres = ["g"] }).ToIndex()).Message);
        var nan = new byte[8];
        BitConverter.GetBytes(Half.NaN).CopyTo(nan, 4);
        Assert.Contains("value 2 is NaN", Assert.Throws<ArgumentException>(() => (good with { Vectors = Convert.ToBase64String(nan) }).ToIndex()).Message);
        var missing = JsonSerializer.Deserialize("""{"Ids":["a"],"Dimensions":1,"Vectors":null}""", CompactJson.Default.CompactNearestSongIndex)!;
        Assert.Contains("lacks", Assert.Throws<ArgumentException>(missing.ToIndex).Message);
    }
}

// The way model files serialise: System.Text.Json's source generator.
[JsonSerializable(typeof(CompactNearestSongIndex))]
internal sealed partial class CompactJson : JsonSerializerContext;
