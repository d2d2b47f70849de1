using Genrify.Data;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Features.Tests.Sharding;

public class ShardPartsTests
{
    [Fact]
    public void Part_names_carry_the_shard_and_read_back()
    {
        Assert.Equal("part-00003-of-00008.parquet", ShardParts.FileName(new ShardSpec(3, 8)));
        Assert.Equal("part-00000-of-00001.csv", ShardParts.FileName(ShardSpec.Whole, ".csv"));
        Assert.Equal(new ShardSpec(3, 8), ShardParts.ShardOf("/x/part-00003-of-00008.parquet"));
        Assert.Null(ShardParts.ShardOf("part-00008-of-00008.parquet"));
        Assert.Null(ShardParts.ShardOf("part-3-of-8.parquet"));
        Assert.Null(ShardParts.ShardOf("table.parquet"));
        Assert.Throws<ArgumentException>(() => ShardParts.FileName(ShardSpec.Whole, ".txt"));
    }

    [Fact]
    public void Combine_is_the_union_ordered_by_id()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("parts");
        Table(("b", 2.0), ("d", 4.0)).Save(Path.Combine(folder, "part-00000-of-00002.parquet"));
        Table(("c", 3.0), ("a", 1.0)).Save(Path.Combine(folder, "part-00001-of-00002.parquet"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a part");

        var all = ShardParts.Combine(folder);

        Assert.Equal(["a", "b", "c", "d"], all.Rows.Select(r => r.Id));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], all.Rows.Select(r => r.Values[0]));
        Assert.Equal("test", all.PresetName);
    }

    [Fact]
    public void Combine_refuses_an_incomplete_or_mixed_folder()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("parts");
        Directory.CreateDirectory(folder);
        Assert.Contains("no part files", Assert.Throws<InvalidDataException>(() => ShardParts.Combine(folder)).Message);

        Table(("a", 1.0)).Save(Path.Combine(folder, "part-00000-of-00003.parquet"));
        Assert.Contains("2 of 3 part(s) missing: shard(s) 1, 2", Assert.Throws<InvalidDataException>(() => ShardParts.Combine(folder)).Message);

        Table(("b", 1.0)).Save(Path.Combine(folder, "part-00001-of-00003.parquet"));
        Table(("a", 1.0)).Save(Path.Combine(folder, "part-00002-of-00003.parquet"));
        Assert.Contains("song a is also in part-00000-of-00003.parquet", Assert.Throws<InvalidDataException>(() => ShardParts.Combine(folder)).Message);

        Table(("c", 1.0)).Save(Path.Combine(folder, "part-00002-of-00003.csv"));
        Assert.Contains("shard 2/3 has 2 part files", Assert.Throws<InvalidDataException>(() => ShardParts.Combine(folder)).Message);

        Table(("c", 1.0)).Save(Path.Combine(folder, "part-00000-of-00002.parquet"));
        Assert.Contains("parts of different splits (of 2, of 3)", Assert.Throws<InvalidDataException>(() => ShardParts.Combine(folder)).Message);

        Assert.Throws<DirectoryNotFoundException>(() => ShardParts.Combine(temp.PathOf("nowhere")));
    }

    private static FeatureTable Table(params (string Id, double Value)[] rows) =>
        new(["x"], rows.Select(r => new FeatureRow(r.Id, r.Id + ".wav", ["rock"], null, null, [r.Value])).ToList(), "test", "{}");
}
