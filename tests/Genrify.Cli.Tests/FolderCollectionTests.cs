using Genrify.Cli.Tests.TestOnly;
using Genrify.Features.Collections;

namespace Genrify.Cli.Tests;

public class FolderCollectionTests
{
    [Fact]
    public void Folder_names_are_labels_and_order_is_deterministic()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        Directory.CreateDirectory(Path.Combine(root, ".genrify-cache"));
        File.WriteAllText(Path.Combine(root, "loose.wav"), "ignored: not inside a genre folder");

        var collection = TrackCollection.Open(root);

        Assert.Equal(
        [
            "blues/blues.00099.mp3", "blues/empty.wav",
            "electronic/clip09_edm_128.wav", "electronic/sub/clip04_click_90.wav",
            "tones/clip01_chord_tones.wav", "tones/text_renamed.mp3",
        ], collection.Tracks.Select(t => t.File));
        Assert.Equal(["blues", "blues", "electronic", "electronic", "tones", "tones"], collection.Tracks.Select(t => t.Label));
        Assert.All(collection.Tracks, t => Assert.True(File.Exists(t.Path)));
        Assert.Empty(collection.Skipped);
    }

    [Fact]
    public void A_missing_collection_is_an_error()
    {
        Assert.Throws<FileNotFoundException>(() => TrackCollection.Open("/nonexistent/genrify/collection"));
    }
}
