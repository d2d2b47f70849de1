using Genrify.Collect.Download;
using Genrify.Collect.Tests.Loopback;

namespace Genrify.Collect.Tests.Download;

/// <summary>A run stopped midway and started again ends as one uninterrupted run would, without fetching twice.</summary>
public class ResumeTests : LoopbackTest
{
    private const int Songs = 12;

    [Fact]
    public async Task A_cancelled_run_resumes_without_losing_or_repeating_a_song()
    {
        var rows = new List<ManifestRow>();
        for (int i = 0; i < Songs; i++)
        {
            Server.ServeBytes($"/s{i}", Clips.Song(i), "audio/wav", latency: TimeSpan.FromMilliseconds(i < 3 ? 0 : 300));
            rows.Add(Row($"song{i:00}", i % 2 == 0 ? "rock" : "pop", $"/s{i}"));
        }
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(3, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect(rows, Patient with { MaxParallel = 3 }, progress, cancel.Token));
        Assert.False(File.Exists(Path.Combine(Folder, "manifest.csv")));
        Assert.Empty(Directory.EnumerateFiles(Folder, ".*.partial*"));
        var finishedFirst = CollectionCheck.AudioFiles(Folder);
        Assert.InRange(finishedFirst.Length, 3, Songs - 1);

        var report = await Collect(rows);

        Assert.Equal(finishedFirst.Length, report.AlreadyDone);
        Assert.Equal(Songs - finishedFirst.Length, report.Downloaded);
        foreach (var file in finishedFirst)
            Assert.Single(Server.HitsOf("/s" + int.Parse(file[4..6]))); // a finished song is not fetched again
        var collected = CollectionCheck.AssertValid(Folder);
        Assert.Equal(rows.Select(r => (r.Id, r.Genre)), collected.Select(r => (r.Id, r.Genre)));
        for (int i = 0; i < Songs; i++)
            Assert.Equal(Clips.Song(i), File.ReadAllBytes(Path.Combine(Folder, $"song{i:00}.wav")));
    }

    [Fact]
    public async Task A_journal_line_cut_short_and_a_missing_file_are_downloaded_again()
    {
        Server.ServeBytes("/a", Clips.Song(1), "audio/wav");
        Server.ServeBytes("/b", Clips.Song(2), "audio/wav");
        Server.ServeBytes("/c", Clips.Song(3), "audio/wav");
        ManifestRow[] rows = [Row("a", "rock", "/a"), Row("b", "rock", "/b"), Row("c", "rock", "/c")];
        await Collect(rows);
        var journal = Path.Combine(Folder, "collect-journal.jsonl");
        var lines = File.ReadAllLines(journal).OrderBy(l => l, StringComparer.Ordinal).ToArray(); // a, b, c
        File.WriteAllText(journal, lines[0] + "\n" + lines[1] + "\n" + lines[2][..(lines[2].Length / 2)]);
        File.Delete(Path.Combine(Folder, "b.wav"));
        File.WriteAllText(Path.Combine(Folder, ".c.partial"), "half a file from a killed run");

        var report = await Collect(rows);

        Assert.Equal(1, report.AlreadyDone);
        Assert.Equal(2, report.Downloaded);
        Assert.Single(Server.HitsOf("/a"));
        Assert.Equal(2, Server.HitsOf("/b").Count);
        Assert.Equal(2, Server.HitsOf("/c").Count);
        Assert.Equal(["a", "b", "c"], CollectionCheck.AssertValid(Folder).Select(r => r.Id));
    }

    [Fact]
    public async Task A_second_collector_cannot_write_the_same_folder()
    {
        Server.ServeBytes("/slow", Clips.Song(1), "audio/wav", latency: TimeSpan.FromMilliseconds(500));
        var first = Collect([Row("a", "rock", "/slow")]);
        await Task.Delay(150);

        var second = await Assert.ThrowsAsync<IOException>(() => Collect([Row("a", "rock", "/slow")]));

        Assert.Contains("another collector is writing this folder", second.Message);
        await first;
        CollectionCheck.AssertValid(Folder);
    }

    // Cancels once `after` songs have finished; synchronous, so the count is exact.
    private sealed class CancelAfter(int after, CancellationTokenSource cancel) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            if (value.Done >= after) cancel.Cancel();
        }
    }
}
