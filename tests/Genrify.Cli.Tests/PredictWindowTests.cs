using System.Diagnostics;
using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary><c>predict --max-seconds</c>: a long song is judged by its start and the answer says so; bad values are refused.</summary>
public sealed class PredictWindowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genrify-predict-window-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Trait("Category", "Slow")]
    [Fact]
    public void A_song_longer_than_the_window_is_answered_from_its_start_with_a_warning()
    {
        // Two hours of stereo silence at 48 kHz: about 1.3 MB of FLAC, 2.8 GB as float frames.
        string song = Path.Combine(_folder, "long.flac");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                   $"-v error -y -f lavfi -i anullsrc=r=48000:cl=stereo -t 7200 -c:a flac {song}")))
            ffmpeg!.WaitForExit();
        string gtzan = Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json");

        var run = CliRun.Of(PresetRegistry.Default, "predict", song, "--model", gtzan, "--max-seconds", "15", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var answer = JsonDocument.Parse(run.OutLines.Single());
        var warnings = answer.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray();
        Assert.Contains($"{song}: only the first 15 s of 7200 s decoded (the limit is 15 s)", warnings);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("1e30")]
    public void A_window_outside_one_day_is_refused_in_one_line(string seconds)
    {
        var run = CliRun.Of(PresetRegistry.Default, "predict", TestData.Audio("muldjord_armygeddon_30s.ogg"), "--max-seconds", seconds);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"genrify: --max-seconds must be above 0 and at most 86400 (one day), got {double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)}",
            run.ErrorLines.Single());
    }
}
