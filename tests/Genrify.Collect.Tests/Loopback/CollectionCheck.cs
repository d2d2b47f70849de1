using Genrify.Audio;
using Genrify.Collect.Manifests;

namespace Genrify.Collect.Tests.Loopback;

/// <summary>
/// What makes a downloaded collection usable for training, checked as the manifest reader of training sees it: every
/// row's file is in the folder, decodes, one id names one file, no two ids share a file, and no partial file is left.
/// </summary>
public static class CollectionCheck
{
    public static IReadOnlyList<ManifestRow> AssertValid(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.csv");
        Assert.True(File.Exists(manifest), "no manifest.csv");
        var rows = StudyManifest.Read(manifest);
        var fileOfId = new Dictionary<string, string>();
        var idOfFile = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            Assert.False(string.IsNullOrEmpty(row.Location), $"row {row.Id} has no location");
            Assert.False(Path.IsPathRooted(row.Location), $"location {row.Location} is not relative");
            if (fileOfId.TryGetValue(row.Id, out var file)) Assert.Equal(file, row.Location);
            else fileOfId[row.Id] = row.Location!;
            if (idOfFile.TryGetValue(row.Location!, out var id)) Assert.Equal(id, row.Id);
            else idOfFile[row.Location!] = row.Id;
        }
        Assert.Equal(rows.Count, rows.Select(r => (r.Id, r.Genre)).Distinct().Count());
        foreach (var file in idOfFile.Keys)
        {
            var audio = AudioLoader.Load(Path.Combine(folder, file), new LoadOptions { SampleRate = null });
            Assert.True(audio.Samples.Length > 0, $"{file} holds no samples");
        }
        Assert.Empty(Directory.EnumerateFiles(folder, ".*.partial*"));
        return rows;
    }

    /// <summary>The audio files in the folder (not the manifest, journal or lock).</summary>
    public static string[] AudioFiles(string folder) =>
        Directory.EnumerateFiles(folder).Select(Path.GetFileName)
            .Where(n => AudioFormats.Extensions.Contains(Path.GetExtension(n!)))
            .Select(n => n!).Order(StringComparer.Ordinal).ToArray();
}
