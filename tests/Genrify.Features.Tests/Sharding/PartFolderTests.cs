using Genrify.Data;
using Genrify.Features.Sharding;
using Genrify.Tests.Shared;

namespace Genrify.Features.Tests.Sharding;

/// <summary>A folder of part files told from a collection, and read back with the roles of its columns.</summary>
public class PartFolderTests
{
    private const string Header = "id,file,label,genres,artist,album,fold2,family,x";

    [Fact]
    public void A_part_at_the_top_level_makes_a_part_folder_whatever_else_the_folder_holds()
    {
        using var temp = new TempFolder();
        temp.Write("parts/part-00001-of-00004.csv", Header + "\n");
        temp.Write("parts/.genrify-cache/log.bin", "the extraction's cache");
        temp.Write("parts/notes.txt", "not a part");
        Assert.True(ShardParts.IsPartFolder(temp.PathOf("parts")));
        Assert.True(ShardParts.IsPartFolder(temp.PathOf("parts") + "/"));

        // A collection: audio in genre folders, and a part deeper down is no part of this folder.
        temp.Copy("clip01_chord_tones.wav", "songs/tones/clip01_chord_tones.wav");
        temp.Write("songs/tones/part-00000-of-00001.parquet", "");
        Assert.False(ShardParts.IsPartFolder(temp.PathOf("songs")));
        // Names that only look like parts, a missing folder.
        temp.Write("odd/part-00000-of-00001.txt", "");
        temp.Write("odd/part-4-of-8.parquet", "");
        temp.Write("odd/part-00008-of-00008.parquet", "");
        Assert.False(ShardParts.IsPartFolder(temp.PathOf("odd")));
        Assert.False(ShardParts.IsPartFolder(temp.PathOf("nowhere")));
        Assert.Throws<ArgumentException>(() => ShardParts.IsPartFolder(" "));
    }

    [Fact]
    public void Combine_reads_every_part_with_the_named_group_fold_and_parent_columns()
    {
        using var temp = new TempFolder();
        temp.Write("parts/part-00000-of-00002.csv", Header + "\nb,b.wav,jazz,jazz,Bob,Live,1,swing,2\nd,d.wav,bop,bop,Dee,Live,3,swing,4\n");
        temp.Write("parts/part-00001-of-00002.csv", Header + "\na,a.wav,rock,rock,Ann,Hits,0,loud,1\nc,c.wav,punk,punk,Cy,Hits,2,loud,3\n");
        var folder = temp.PathOf("parts");
        var columns = new TableColumns { GroupColumn = "album", FoldColumn = "fold2", ParentColumn = "family" };

        var all = ShardParts.Combine(folder, columns);

        Assert.Equal(["x"], all.FeatureNames);
        Assert.Equal(["a", "b", "c", "d"], all.Rows.Select(r => r.Id));
        Assert.Equal(["Hits", "Live", "Hits", "Live"], all.Rows.Select(r => r.Group));
        Assert.Equal(["0", "1", "2", "3"], all.Rows.Select(r => r.Fold));
        Assert.Equal(["loud", "swing", "loud", "swing"], all.Rows.Select(r => r.Parent));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], all.Rows.Select(r => r.Values[0]));

        // The same folder read the way one table is, column for column: a part is no different from a table.
        temp.Write("one.csv", Header + "\na,a.wav,rock,rock,Ann,Hits,0,loud,1\nb,b.wav,jazz,jazz,Bob,Live,1,swing,2\n"
                              + "c,c.wav,punk,punk,Cy,Hits,2,loud,3\nd,d.wav,bop,bop,Dee,Live,3,swing,4\n");
        var one = FeatureTable.Load(temp.PathOf("one.csv"), columns);
        Assert.Equal(one.Rows.Select(r => (r.Id, r.Group, r.Fold, r.Parent, r.Values[0])), all.Rows.Select(r => (r.Id, r.Group, r.Fold, r.Parent, r.Values[0])));

        // Without the roles, the text columns are no features: the parts say which column is at fault.
        var error = Assert.Throws<FeatureTableException>(() => ShardParts.Combine(folder));
        Assert.Contains("column 'album' is not numeric", error.Message);
    }

    [Fact]
    public void An_empty_part_needs_no_named_column_but_a_part_with_songs_does()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("parts");
        // What `extract --shard` writes for a shard without songs: no fold column, since no row has a fold.
        temp.Write("parts/part-00000-of-00002.csv", "id,file,label,genres,artist,x\n");
        temp.Write("parts/part-00001-of-00002.csv", "id,file,label,genres,artist,fold,x\na,a.wav,rock,rock,Ann,4,1\n");
        var all = ShardParts.Combine(folder, new TableColumns { FoldColumn = "fold" });
        Assert.Equal(["4"], all.Rows.Select(r => r.Fold));

        temp.Write("parts/part-00000-of-00002.csv", "id,file,label,genres,artist,x\nb,b.wav,jazz,jazz,Bob,2\n");
        var error = Assert.Throws<FeatureTableException>(() => ShardParts.Combine(folder, new TableColumns { FoldColumn = "fold" }));
        Assert.StartsWith("part-00000-of-00002.csv: no column 'fold'", error.Message);
    }
}
