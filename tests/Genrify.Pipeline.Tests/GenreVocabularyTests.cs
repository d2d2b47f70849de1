using System.Text.Json.Nodes;
using Genrify.Learning;
using Genrify.Pipeline.Vocabulary;

namespace Genrify.Pipeline.Tests;

public class GenreVocabularyTests
{
    private static readonly string[] Tags = ["rock", "metal", "electronic", "ambient", "jazz"];

    private static JsonObject File(string genres) => JsonNode.Parse($$"""
        {"format": "genrify-genre-vocabulary", "formatVersion": 1, "fitsAt": 0.2, "genres": [{{genres}}]}
        """)!.AsObject();

    private static GenreVocabulary Parse(string genres) => GenreVocabulary.Parse(File(genres), Tags, "v.json");

    /// <summary>
    /// A family takes its kinds' evidence (a metal song is a rock song), and a genre with 'unless' is discounted by
    /// the chance that the contradicting genre is right.
    /// </summary>
    [Fact]
    public void Families_take_their_kinds_evidence_and_contradictions_discount()
    {
        var v = Parse("""
            {"name": "rock", "tags": ["rock"]}, {"name": "metal", "parent": "rock", "tags": ["metal"]},
            {"name": "electronic", "tags": ["electronic"]}, {"name": "ambient", "parent": "electronic", "tags": ["ambient"]},
            {"name": "classical", "model": "m.json", "class": "classical", "unless": ["electronic"]}
            """);
        double[] activations = [0.1, 0.8, 0.3, 0.5, 0.0];
        var p = v.Score(activations, (model, cls) => model == "m.json" && cls == "classical" ? 0.9 : double.NaN);
        Assert.Equal(0.8, p[v.IndexOf("rock")], 12);       // max(rock 0.1, metal 0.8)
        Assert.Equal(0.8, p[v.IndexOf("metal")], 12);
        Assert.Equal(0.5, p[v.IndexOf("electronic")], 12); // max(electronic 0.3, ambient 0.5)
        Assert.Equal(0.9 * (1 - 0.5), p[v.IndexOf("classical")], 12);
    }

    /// <summary>A genre's probability is the highest activation among its tags.</summary>
    [Fact]
    public void A_genre_of_several_tags_takes_the_strongest()
    {
        var v = Parse("""{"name": "heavy", "tags": ["rock", "metal", "jazz"]}""");
        Assert.Equal(0.7, v.Score([0.2, 0.7, 0, 0, 0.4], (_, _) => 0)[0], 12);
    }

    [Theory]
    [InlineData("""{"name": "rock", "tags": ["polka"]}""", "tag 'polka'")]
    [InlineData("""{"name": "metal", "parent": "rock", "tags": ["metal"]}""", "parent 'rock'")]
    [InlineData("""{"name": "rock", "tags": ["rock"]}, {"name": "metal", "parent": "rock", "tags": ["metal"]}, {"name": "doom", "parent": "metal", "tags": ["metal"]}""", "parent 'metal'")]
    [InlineData("""{"name": "classical", "model": "m.json", "class": "classical", "unless": ["electronic"]}""", "'unless' names 'electronic'")]
    [InlineData("""{"name": "rock", "tags": ["rock"], "model": "m.json", "class": "rock"}""", "either 'tags' or a 'model'")]
    [InlineData("""{"name": "rock", "tags": ["rock"]}, {"name": "rock", "tags": ["metal"]}""", "listed twice")]
    [InlineData("""{"tags": ["rock"]}""", "without a name")]
    public void A_malformed_vocabulary_is_refused_saying_why(string genres, string expected)
    {
        var e = Assert.Throws<ModelFileException>(() => Parse(genres));
        Assert.StartsWith("v.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    /// <summary>A field of the wrong type is refused in one line naming the file, not with a stack of JSON errors.</summary>
    [Fact]
    public void A_field_of_the_wrong_type_is_refused_naming_the_file()
    {
        var json = File("""{"name": "rock", "tags": ["rock"]}""");
        json["fitsAt"] = "high";
        var e = Assert.Throws<ModelFileException>(() => GenreVocabulary.Parse(json, Tags, "v.json"));
        Assert.StartsWith("v.json: malformed genre vocabulary (", e.Message);
        Assert.Contains("fitsAt", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    /// <summary>Another kind of model file is not mistaken for a vocabulary.</summary>
    [Fact]
    public void Only_files_that_say_so_are_vocabularies()
    {
        Assert.True(GenreVocabulary.IsVocabulary(File("")));
        Assert.False(GenreVocabulary.IsVocabulary(JsonNode.Parse("""{"format": "genrify-model"}""")!.AsObject()));
        Assert.Throws<ModelFileException>(() => GenreVocabulary.Parse(JsonNode.Parse("""{"format": "genrify-model"}""")!.AsObject(), Tags, "m"));
    }
}
