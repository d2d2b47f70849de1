using System.Diagnostics;
using System.Text.RegularExpressions;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests.Insight;

/// <summary><c>genrify report</c> on a small audio collection: one self-contained page that Debian's chromium renders
/// without a script error.</summary>
public class ReportCommandTests
{
    private static string Collection(TempFolder temp)
    {
        foreach (var (genre, clips) in new[]
        {
            ("classical", new[] { "classical.00000.wav", "classical.00001.wav", "clip01_chord_tones.wav" }),
            ("electronic", new[] { "clip09_edm_128.wav", "clip04_click_90.wav", "clip08_pink_am.wav" }),
            ("rock", new[] { "muldjord_armygeddon_30s.ogg", "muldjord_chaos_god_30s.ogg", "blues.00099.mp3" }),
        })
            foreach (var clip in clips) temp.Copy(clip, Path.Combine("songs", genre, clip));
        return temp.PathOf("songs");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_report_gathers_evaluation_pictures_map_neighbourhoods_and_explained_songs_in_one_offline_page()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("report");
        var run = CliRun.Of(PresetRegistry.Default, "report", Collection(temp), "--preset", "gtzan", "--no-cache", "--out", folder);
        Assert.True(run.ExitCode == 0, run.Error);
        var path = Path.Combine(folder, "report.html");
        var html = File.ReadAllText(path);

        foreach (var heading in new[] { "Collection", "Evaluation", "Features", "Map", "Would clustering find the genres?", "Genre neighbourhoods", "Explained songs" })
            Assert.Contains($">{heading}</h2>", html);
        Assert.Contains("svm(C=10,gamma=scale)", html);
        Assert.Contains("logreg(C=1)", html);
        // Every picture is inside the page, and nothing is fetched from anywhere.
        Assert.True(Regex.Matches(html, "src=\"data:image/png;base64,").Count >= 9, "embedded pictures");
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        // Each of the 9 songs is a point of both maps (t-SNE and PCA), playable through a link relative to the page.
        Assert.Equal(18, Regex.Matches(html, "<circle [^>]*data-i=").Count);
        Assert.Contains("../songs/rock/blues.00099.mp3", html);
        Assert.Contains("each genre&#39;s mean spectrum", html); // the fingerprints, from the audio
    }

    [ChromiumFact]
    [Trait("Category", "Slow")]
    public void Chromium_renders_the_report_without_a_script_error()
    {
        using var temp = new TempFolder();
        var folder = temp.PathOf("report");
        var run = CliRun.Of(PresetRegistry.Default, "report", Collection(temp), "--preset", "gtzan", "--no-cache", "--examples", "1", "--out", folder);
        Assert.True(run.ExitCode == 0, run.Error);
        var shot = temp.PathOf("shot.png");
        var start = new ProcessStartInfo(ChromiumFactAttribute.ExecutablePath)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", $"--user-data-dir={temp.PathOf("profile")}",
                $"--screenshot={shot}", "--window-size=1200,2400", new Uri(Path.Combine(folder, "report.html")).AbsoluteUri },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var chromium = Process.Start(start)!;
        var errors = chromium.StandardError.ReadToEndAsync();
        chromium.StandardOutput.ReadToEnd();
        Assert.True(chromium.WaitForExit(60_000), "chromium did not finish in a minute");
        Assert.DoesNotContain("Uncaught", errors.Result);
        Assert.True(new FileInfo(shot).Length > 20_000, "a screenshot of a drawn page");
    }
}
