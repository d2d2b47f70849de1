using Genrify.Features.Presets;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>
/// A small real collection: 20 songs of each of three genres of the public GTZAN feature table (blues, classical,
/// metal; classical.00000, whose audio is in tests/data/audio, among them), as a table, and a logistic regression
/// trained on it that keeps its songs. Made once per test run.
/// </summary>
internal static class SmallCollection
{
    /// <summary>A song of the collection whose clip the tests can upload (<see cref="OwnClipId"/> in the table).</summary>
    public const string OwnClip = "classical.00000.wav";

    /// <summary>That song's id in the table (GTZAN's original file name).</summary>
    public const string OwnClipId = "classical.00000.au";

    private static readonly string[] Genres = ["blues", "classical", "metal"];
    private static readonly Lazy<(string Table, string Model, string[] Ids)> Made = new(Make);

    /// <summary>The collection as a feature table (CSV with the GTZAN table's columns).</summary>
    public static string TablePath => Made.Value.Table;

    /// <summary>The model trained on it, its songs kept.</summary>
    public static string ModelPath => Made.Value.Model;

    /// <summary>The songs' ids, in the table's order.</summary>
    public static IReadOnlyList<string> Ids => Made.Value.Ids;

    private static (string, string, string[]) Make()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"genrify-web-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv"));
        int label = Array.IndexOf(lines[0].Split(','), "label");
        var rows = Genres.SelectMany(g => lines.Skip(1).Where(l => l.Split(',')[label] == g).Take(20)).ToArray();
        var table = Path.Combine(folder, "small-gtzan.csv");
        File.WriteAllLines(table, [lines[0], .. rows]);

        var data = Dataset.Read(table);
        var model = GenreModel.Train(data, new LogisticRegressionTrainer(), "gtzan", new GtzanPreset().Options, keepSongs: true);
        var path = Path.Combine(folder, "small-gtzan-with-songs.json");
        model.Save(path);
        return (table, path, data.Ids!.ToArray());
    }
}
