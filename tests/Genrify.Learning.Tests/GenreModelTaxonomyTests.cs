using System.Text.Json.Nodes;
using Genrify.Tests.Shared;

namespace Genrify.Learning.Tests;

/// <summary>A model file keeps the genre families it was trained with; files without them read as before.</summary>
public class GenreModelTaxonomyTests
{
    private static GenreModel Trained(GenreTaxonomy? taxonomy)
    {
        var data = FamilyTables.Emotify();
        return GenreModel.Train(data, new LogisticRegressionTrainer(), "table", taxonomy: taxonomy);
    }

    [Fact]
    public void The_taxonomy_survives_a_save_and_labels_genres_with_their_family()
    {
        using var temp = new TempFolder();
        var model = Trained(FamilyTables.Taxonomy);
        var path = temp.PathOf("families.json");
        model.Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("classical", json["taxonomy"]!["parents"]!["baroque"]!.GetValue<string>());
        Assert.Equal(GenreModel.FormatVersion, json["formatVersion"]!.GetValue<int>());
        var loaded = GenreModel.Load(path);
        Assert.Equal(FamilyTables.Taxonomy.Parents.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Taxonomy!.Parents.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("electronic › techno", loaded.Label("techno"));
        Assert.Equal("pop", loaded.Label("pop"));
        var row = FamilyTables.Emotify().Rows[0];
        Assert.Equal(model.Predict(row), loaded.Predict(row));
    }

    [Fact]
    public void Without_a_taxonomy_the_file_has_no_taxonomy_field_and_a_file_saved_before_still_loads()
    {
        var json = Trained(null).ToJson();
        Assert.False(json.ContainsKey("taxonomy"));
        Assert.Null(Trained(GenreTaxonomy.Empty).Taxonomy);
        var shipped = GenreModel.Load(Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json"));
        Assert.Null(shipped.Taxonomy);
        Assert.Equal("blues", shipped.Label("blues"));
    }

    [Fact]
    public void A_file_whose_taxonomy_is_a_cycle_is_refused_as_corrupt()
    {
        using var temp = new TempFolder();
        var json = Trained(FamilyTables.Taxonomy).ToJson();
        json["taxonomy"] = new JsonObject { ["parents"] = new JsonObject { ["baroque"] = "classical", ["classical"] = "baroque" } };
        var path = temp.Write("cycle.json", json.ToJsonString());
        var error = Assert.Throws<ModelFileException>(() => GenreModel.Load(path));
        Assert.StartsWith("cycle.json: corrupt model file (the parents form a cycle", error.Message);
    }
}
