using System.Text.Json.Nodes;
using Genrify.Tests.Shared;

namespace Genrify.Learning.Tests;

public class GenreModelTests
{
    private static (GenreModel Model, Dataset Data) Trained()
    {
        var data = Tables.GtzanSubset(20, 4);
        var cv = CrossValidator.Run(data, new LogisticRegressionTrainer(), new StratifiedKFold(4, true, 0));
        var options = new JsonObject { ["sampleRate"] = 22050, ["hop"] = 512 };
        return (GenreModel.Train(data, new LogisticRegressionTrainer(), "gtzan", options, cv), data);
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"genrify-model-{Guid.NewGuid():N}.json");

    [Fact]
    public void Save_then_load_predicts_identically_and_keeps_the_description()
    {
        var (model, data) = Trained();
        var path = TempFile();
        try
        {
            model.Save(path);
            var loaded = GenreModel.Load(path);
            Assert.Equal("gtzan", loaded.PresetName);
            Assert.Equal(22050, loaded.PresetOptions["sampleRate"]!.GetValue<int>());
            Assert.Equal(data.FeatureNames, loaded.FeatureNames);
            Assert.Equal(["blues", "classical", "country", "disco"], loaded.ClassNames);
            Assert.Equal("stratified 4-fold, shuffled, seed 0; standard scaling", loaded.Evaluation!["method"]!.GetValue<string>());
            Assert.InRange(loaded.Evaluation!["meanAccuracy"]!.GetValue<double>(), 0.25, 1.0);
            foreach (var row in data.Rows.Take(10))
                Assert.Equal(model.Predict(row), loaded.Predict(row));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_gtzan_model_reads_back_to_the_same_json_and_predicts_identically_after_a_save()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json");
        var shipped = JsonNode.Parse(File.ReadAllText(path))!;
        var model = GenreModel.Load(path);
        // Every field and every number of the file written before typed model files comes back unchanged.
        Assert.True(JsonNode.DeepEquals(shipped, model.ToJson()));
        Assert.Equal("ensemble", model.Classifier.Kind);
        var copy = TempFile();
        try
        {
            model.Save(copy);
            var reloaded = GenreModel.Load(copy);
            Assert.True(JsonNode.DeepEquals(shipped, reloaded.ToJson()));
            var written = File.ReadAllText(copy);
            reloaded.Save(copy);
            Assert.Equal(written, File.ReadAllText(copy)); // a saved file reads back to the very same bytes
            foreach (var row in Tables.GtzanData.Rows.Take(20))
                Assert.Equal(model.Predict(row), reloaded.Predict(row));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void A_saved_file_puts_the_classifier_kind_last_and_a_kind_anywhere_is_read()
    {
        var (model, data) = Trained();
        var written = model.ToJson();
        Assert.Equal("kind", written["classifier"]!.AsObject().Last().Key);
        var moved = new JsonObject { ["kind"] = "logreg" };
        foreach (var (key, value) in written["classifier"]!.AsObject().Where(p => p.Key != "kind").ToArray())
            moved[key] = value!.DeepClone();
        written["classifier"] = moved;
        Assert.Equal(model.Predict(data.Rows[0]), GenreModel.FromJson(written).Predict(data.Rows[0]));

        var kindless = model.ToJson();
        kindless["classifier"]!.AsObject().Remove("kind");
        var error = Assert.Throws<ModelFileException>(() => GenreModel.FromJson(kindless, "m.json"));
        Assert.Equal("m.json: corrupt model file (classifier entry has no \"kind\")", error.Message);
    }

    [Fact]
    public void Predict_ranks_genres_by_probability()
    {
        var (model, data) = Trained();
        var ranked = model.Predict(data.Rows[0]);
        Assert.Equal(4, ranked.Count);
        Assert.Equal(1.0, ranked.Sum(p => p.Probability), 9);
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.Throws<ArgumentException>(() => model.Predict(new double[3]));
    }

    [Fact]
    public void CheckFeatures_names_what_differs()
    {
        var (model, data) = Trained();
        model.CheckFeatures("gtzan", data.FeatureNames);
        var preset = Assert.Throws<ModelFileException>(() => model.CheckFeatures("full", data.FeatureNames));
        Assert.Contains("'gtzan'", preset.Message);
        Assert.Contains("'full'", preset.Message);
        var missing = Assert.Throws<ModelFileException>(() => model.CheckFeatures("gtzan", data.FeatureNames.Where(n => n != "tempo").Append("bpm").ToArray()));
        Assert.Contains("missing 'tempo'", missing.Message);
        Assert.Contains("unexpected 'bpm'", missing.Message);
        var swapped = data.FeatureNames.ToArray();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var order = Assert.Throws<ModelFileException>(() => model.CheckFeatures("gtzan", swapped));
        Assert.Contains("position 0", order.Message);
    }

    [Theory]
    [InlineData("not json at all {")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"format\": \"something-else\"}")]
    public void Corrupt_files_fail_with_a_message_naming_the_file(string content)
    {
        var path = TempFile();
        try
        {
            File.WriteAllText(path, content);
            var error = Assert.Throws<ModelFileException>(() => GenreModel.Load(path));
            Assert.Contains(Path.GetFileName(path), error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Another_format_version_or_a_damaged_classifier_is_refused()
    {
        var (model, _) = Trained();
        var json = model.ToJson();
        json["formatVersion"] = 2;
        Assert.Contains("format version 2", Assert.Throws<ModelFileException>(() => GenreModel.FromJson(json)).Message);

        var damaged = model.ToJson();
        damaged["classifier"]!["weights"] = new JsonArray(1, 2);
        Assert.Contains("corrupt model file", Assert.Throws<ModelFileException>(() => GenreModel.FromJson(damaged)).Message);

        var unknown = model.ToJson();
        unknown["classifier"]!["kind"] = "quantum";
        Assert.Equal("model: corrupt model file (unknown classifier kind \"quantum\")", Assert.Throws<ModelFileException>(() => GenreModel.FromJson(unknown)).Message);

        var inconsistent = model.ToJson();
        inconsistent["classes"] = new JsonArray("a", "b");
        Assert.Throws<ModelFileException>(() => GenreModel.FromJson(inconsistent));
        Assert.Throws<ModelFileException>(() => GenreModel.Load(TempFile()));
    }

    [Fact]
    public void Duplicate_class_names_are_refused_on_load_and_when_building_a_model_to_save()
    {
        var (model, _) = Trained();
        var json = model.ToJson();
        json["classes"] = new JsonArray("blues", "classical", "blues", "disco");
        var path = TempFile();
        try
        {
            File.WriteAllText(path, json.ToJsonString());
            var error = Assert.Throws<ModelFileException>(() => GenreModel.Load(path));
            Assert.Contains(Path.GetFileName(path), error.Message);
            Assert.Contains("'blues' appear more than once", error.Message);
            Assert.DoesNotContain("\n", error.Message);
        }
        finally
        {
            File.Delete(path);
        }

        var refused = Assert.Throws<ArgumentException>(() => new GenreModel(model.PresetName, model.PresetOptions, model.FeatureNames,
            model.Scaler, ["rock", "pop", "rock", "jazz"], model.Classifier, model.TrainerName));
        Assert.Contains("'rock' appear more than once", refused.Message);
    }

    [Fact]
    public void Saving_replaces_the_file_whole_and_sweeps_temporary_files_of_dead_writers()
    {
        var (model, data) = Trained();
        var folder = Directory.CreateTempSubdirectory("genrify-model-save-").FullName;
        try
        {
            var path = Path.Combine(folder, "m.json");
            File.WriteAllText(path, "old");
            var dead = path + ".tmp-2147483646-1";         // no such process
            var oldStyle = path + ".tmp-2147483645";       // the earlier naming, also dead
            var living = path + $".tmp-1-1";               // pid 1 is alive: perhaps mid-write, kept
            var otherTarget = Path.Combine(folder, "n.json.tmp-2147483646-1");
            foreach (var f in new[] { dead, oldStyle, living, otherTarget }) File.WriteAllText(f, "partial");

            model.Save(path);

            Assert.Equal(model.Predict(data.Rows[0]), GenreModel.Load(path).Predict(data.Rows[0]));
            Assert.False(File.Exists(dead));
            Assert.False(File.Exists(oldStyle));
            Assert.True(File.Exists(living));
            Assert.True(File.Exists(otherTarget));
            Assert.Equal(["m.json", "m.json.tmp-1-1", "n.json.tmp-2147483646-1"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
