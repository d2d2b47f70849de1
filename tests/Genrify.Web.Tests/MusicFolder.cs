using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>
/// A collection of real music as a folder per genre (copies of clips of tests/data/audio), for the default model's
/// <c>--collection</c>: extracting it with MusiCNN takes a few seconds. The caller deletes it (<see cref="Delete"/>).
/// </summary>
internal static class MusicFolder
{
    /// <summary>The clips, by genre: the first is the clip the page tests upload.</summary>
    public static readonly (string Genre, string Clip)[] Clips =
    [
        ("metal", "muldjord_armygeddon_30s.ogg"),
        ("metal", "muldjord_chaos_god_30s.ogg"),
        ("electronic", "clip09_edm_128_44k_stereo.ogg"),
        ("electronic", "wz2100_track1_30s.opus"),
        ("classical", "classical.00000.wav"),
        ("classical", "classical.00001.wav"),
        ("blues", "blues.00099.mp3"),
    ];

    /// <summary>Each clip's id in the collection (its path under the folder).</summary>
    public static IEnumerable<string> Ids => Clips.Select(c => $"{c.Genre}/{c.Clip}");

    /// <summary>Makes the folder (named "music", as the page names it) under a new temporary folder and returns its path.</summary>
    public static string Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "genrify-web-music-" + Guid.NewGuid().ToString("N"), "music");
        foreach (var (genre, clip) in Clips)
        {
            Directory.CreateDirectory(Path.Combine(root, genre));
            File.Copy(TestData.Audio(clip), Path.Combine(root, genre, clip));
        }
        return root;
    }

    /// <summary>Deletes a folder <see cref="Create"/> made, with the temporary folder above it.</summary>
    public static void Delete(string root) => Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
}
