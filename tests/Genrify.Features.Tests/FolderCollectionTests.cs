using Genrify.Tests.Shared;
using System.Diagnostics;
using Genrify.Features.Tests.TestOnly;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;

namespace Genrify.Features.Tests;

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

    private static readonly string[] Listed =
    [
        "blues/blues.00099.mp3", "blues/empty.wav",
        "electronic/clip09_edm_128.wav", "electronic/sub/clip04_click_90.wav",
        "tones/clip01_chord_tones.wav", "tones/text_renamed.mp3",
    ];

    [Fact]
    public void Links_that_loop_back_are_skipped_with_a_reason_and_every_song_is_listed_once()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        Directory.CreateSymbolicLink(Path.Combine(root, "blues", "again"), "../blues");       // to its own folder
        Directory.CreateSymbolicLink(Path.Combine(root, "electronic", "sub", "up"), "..");    // to its parent
        Directory.CreateSymbolicLink(Path.Combine(root, "tones", "all"), "..");               // to the collection

        var collection = Within(TimeSpan.FromSeconds(20), () => TrackCollection.Open(root));

        Assert.Equal(Listed, collection.Tracks.Select(t => t.File));
        Assert.Equal(3, collection.Skipped.Count);
        Assert.Contains(new SkippedFile("blues/again/", "symbolic link loop: leads back to blues/"), collection.Skipped);
        Assert.Contains(new SkippedFile("electronic/sub/up/", "symbolic link loop: leads back to electronic/"), collection.Skipped);
        Assert.Contains(new SkippedFile("tones/all/", "symbolic link loop: leads back to the collection's root folder"), collection.Skipped);
    }

    [Fact]
    public void A_file_or_folder_reached_through_a_second_link_is_listed_once()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        File.CreateSymbolicLink(Path.Combine(root, "blues", "alias.wav"), "../electronic/clip09_edm_128.wav");
        Directory.CreateSymbolicLink(Path.Combine(root, "tones", "more"), "../electronic/sub");
        File.CreateSymbolicLink(Path.Combine(root, "tones", "outside.wav"), temp.Copy("clip01_chord_tones.wav", "elsewhere/x.wav"));

        var collection = TrackCollection.Open(root);

        Assert.Equal([.. Listed[..4], "tones/clip01_chord_tones.wav", "tones/outside.wav", "tones/text_renamed.mp3"],
            collection.Tracks.Select(t => t.File)); // a link to a file outside the collection is an ordinary song
        Assert.Equal(
        [
            new SkippedFile("tones/more/", "same folder as electronic/sub/ (already listed)"),
            new SkippedFile("blues/alias.wav", "same file as electronic/clip09_edm_128.wav (reached again through a symbolic link)"),
        ], collection.Skipped);
    }

    [Fact]
    public void A_fifo_and_a_link_to_a_device_are_skipped_instead_of_hanging_the_extraction()
    {
        using var temp = new TempFolder();
        var root = temp.GenreFolders();
        var fifo = Path.Combine(root, "blues", "pipe.wav");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));
        File.CreateSymbolicLink(Path.Combine(root, "tones", "zero.mp3"), "/dev/zero");

        var result = Within(TimeSpan.FromSeconds(60), () =>
            new BatchExtractor(new TestOnlyStatsPreset(), new BatchOptions { MaxDegreeOfParallelism = 2 }).Run(TrackCollection.Open(root)));

        Assert.Equal(4, result.Table.Rows.Count);
        Assert.Contains(new SkippedFile("blues/pipe.wav", "not a regular file (FIFO)"), result.Skipped);
        Assert.Contains(new SkippedFile("tones/zero.mp3", "not a regular file (character device)"), result.Skipped);
    }

    // A hang is a failure, not a stuck test run.
    private static T Within<T>(TimeSpan limit, Func<T> work)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(limit), $"still running after {limit.TotalSeconds} s");
        return task.Result;
    }

    [Fact]
    public void A_missing_collection_is_an_error()
    {
        Assert.Throws<FileNotFoundException>(() => TrackCollection.Open("/nonexistent/genrify/collection"));
    }
}
