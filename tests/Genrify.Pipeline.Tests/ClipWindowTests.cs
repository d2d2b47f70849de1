using System.Diagnostics;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>
/// The analysis window: a song longer than it is judged by its start, says so, and costs the window's memory
/// whatever length its container holds.
/// </summary>
public sealed class ClipWindowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genrify-window-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Trait("Category", "Slow")]
    [Fact]
    public void A_song_longer_than_the_window_is_judged_by_its_start_with_a_warning()
    {
        // An hour of stereo noise-free tone in about 2 MB of FLAC: 635 MB as 44.1 kHz float frames.
        string song = Path.Combine(_folder, "hour.flac");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                   $"-v error -y -f lavfi -i sine=f=220:r=44100 -ac 2 -t 3600 -c:a flac -compression_level 0 {song}")))
            ffmpeg!.WaitForExit();
        var predictor = GenrePredictors.Load(Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json"));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var prediction = predictor.PredictFile(song, ClipWindow.OfSeconds(20));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(20, prediction.Duration, 3);
        Assert.Contains(prediction.Warnings, w => w == $"{song}: only the first 20 s of 3600 s decoded (the limit is 20 s)");
        Assert.InRange(allocated, 0, 200_000_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(86401)]
    public void Windows_outside_one_day_are_refused(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipWindow.OfSeconds(seconds));
}
