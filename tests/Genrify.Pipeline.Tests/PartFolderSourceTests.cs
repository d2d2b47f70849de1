using System.Text.Json.Nodes;
using Genrify.Data;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>A folder of part files is a source read as the one table it stands for, never as audio to extract.</summary>
public class PartFolderSourceTests
{
    /// <summary>Emotify's table with a <c>family</c> column, split over <paramref name="shards"/> CSV parts by row (the
    /// rows of shard i are those whose index is i mod the count) under ROOT/parts, and whole, rows in id order, as
    /// ROOT/all.csv: the table the parts stand for.</summary>
    private static (string Parts, string Whole) Split(TempFolder temp, int shards)
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Directory, "tables", "emotify_librosa_gtzan_features_with_folds.csv"));
        var header = lines[0] + ",family";
        int label = Array.IndexOf(lines[0].Split(','), "label");
        var rows = lines.Skip(1)
            .Select(l => l + "," + (l.Split(',')[label] is "pop" or "rock" ? "popular" : "other"))
            .ToArray();
        for (int i = 0; i < shards; i++)
            temp.Write($"parts/part-{i:D5}-of-{shards:D5}.csv", string.Join("\n", rows.Where((_, r) => r % shards == i).Prepend(header)) + "\n");
        var whole = temp.Write("all.csv", string.Join("\n", rows.OrderBy(r => r.Split(',')[0], StringComparer.Ordinal).Prepend(header)) + "\n");
        return (temp.PathOf("parts"), whole);
    }

    [Fact]
    public void A_part_folder_loads_as_the_table_it_stands_for_with_its_preset_columns_and_families()
    {
        using var temp = new TempFolder();
        var (parts, whole) = Split(temp, 3);
        var options = new TrainingSourceOptions { Columns = new TableColumns { FoldColumn = "fold" }, UseCache = false };

        var fromParts = TrainingSource.Load(parts, "seed", options);
        var fromTable = TrainingSource.Load(whole, "seed", options);

        Assert.Null(fromParts.Extraction); // read, not extracted
        Assert.Equal(240, fromParts.Data.Count);
        Assert.Equal(fromTable.Data.FeatureNames, fromParts.Data.FeatureNames);
        Assert.Equal(fromTable.Data.Ids, fromParts.Data.Ids);
        Assert.Equal(fromTable.Data.ClassNames, fromParts.Data.ClassNames);
        Assert.Equal(fromTable.Data.Labels, fromParts.Data.Labels);
        Assert.Equal(fromTable.Data.Groups, fromParts.Data.Groups);
        Assert.Equal(fromTable.Data.Folds, fromParts.Data.Folds);
        Assert.Equal(fromTable.Data.Rows, fromParts.Data.Rows);
        // The emotify columns are the gtzan preset's, recognised by name as for the table, recipe and all.
        Assert.Equal("gtzan", fromParts.PresetName);
        Assert.Equal(fromTable.PresetName, fromParts.PresetName);
        Assert.True(JsonNode.DeepEquals(fromTable.PresetOptions, fromParts.PresetOptions));
        Assert.NotNull(fromParts.PresetOptions);
        // The family column is the taxonomy, and no feature.
        Assert.DoesNotContain("family", fromParts.Data.FeatureNames);
        Assert.Equal(["popular", "rock"], fromParts.Taxonomy!.Path("rock"));
        Assert.Null(fromParts.Taxonomy.Parent("popular"));
        Assert.Equal(fromTable.Taxonomy!.Parent("classical"), fromParts.Taxonomy.Parent("classical"));
    }

    [Fact]
    public void An_incomplete_part_folder_is_a_table_error_naming_the_folder_and_the_missing_shards()
    {
        using var temp = new TempFolder();
        var (parts, _) = Split(temp, 4);
        File.Delete(Path.Combine(parts, "part-00001-of-00004.csv"));
        File.Delete(Path.Combine(parts, "part-00003-of-00004.csv"));

        var error = Assert.Throws<FeatureTableException>(() => TrainingSource.Load(parts, "seed", new TrainingSourceOptions { UseCache = false }));

        Assert.Equal($"{parts}: 2 of 4 part(s) missing: shard(s) 1, 3", error.Message);
        Assert.Equal(error.Message, Assert.Throws<FeatureTableException>(() => new GenrifyContext().Data.ReadTable(parts)).Message);
    }

    [Fact]
    public void The_catalog_reads_a_part_folder_as_one_table_with_the_roles_named()
    {
        using var temp = new TempFolder();
        var (parts, whole) = Split(temp, 2);
        var columns = new TableColumns { ParentColumn = "family", FoldColumn = "fold" };

        var table = new GenrifyContext().Data.ReadTable(parts, columns);

        var expected = FeatureTable.Load(whole, columns);
        Assert.Equal("parts", table.Source);
        Assert.Equal(expected.FeatureNames, table.FeatureNames);
        Assert.Equal(expected.Rows.Select(r => (r.Id, r.Group, r.Parent, r.Fold)), table.Rows.Select(r => (r.Id, r.Group, r.Parent, r.Fold)));
        Assert.Equal(expected.Rows.Select(r => r.Values), table.Rows.Select(r => r.Values));
    }

    [Fact]
    public void Songs_of_a_part_folder_are_found_relative_to_the_folder()
    {
        using var temp = new TempFolder();
        const string header = "id,file,label,artist,zero_crossing_rate_mean";
        temp.Write("parts/part-00000-of-00002.csv", $"{header}\na,songs/a.wav,tones,Ann,0.1\nb,songs/gone.wav,tones,Bob,0.2\n");
        temp.Write("parts/part-00001-of-00002.csv", $"{header}\nc,songs/c.wav,edm,Cy,0.3\n");
        temp.Copy("clip01_chord_tones.wav", "parts/songs/a.wav");
        temp.Copy("clip09_edm_128.wav", "parts/songs/c.wav");

        var found = SongLocations.Of(temp.PathOf("parts"));

        Assert.Equal(["a", "c"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(temp.PathOf("parts/songs/a.wav"), found["a"]);
        // An incomplete store has no songs to locate (loading it says why); it is never opened as a folder of audio.
        File.Delete(temp.PathOf("parts/part-00001-of-00002.csv"));
        Assert.Empty(SongLocations.Of(temp.PathOf("parts")));
    }
}
