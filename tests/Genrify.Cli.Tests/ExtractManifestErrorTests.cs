using Genrify.Features.Tests.TestOnly;
using Genrify.Tests.Shared;
using Genrify.Cli.Tests.TestOnly;

namespace Genrify.Cli.Tests;

/// <summary><c>extract</c> on a manifest it cannot parse: a usage error in one line naming the file and the line.</summary>
public class ExtractManifestErrorTests
{
    [Fact]
    public void An_unterminated_quote_in_the_manifest_is_one_line_and_exit_code_2()
    {
        using var temp = new TempFolder();
        temp.Copy("clip01_chord_tones.wav", "m/a.wav");
        var manifest = temp.Write("m/list.csv", "id,genre,location\na,rock,a.wav\nb,\"pop,b.wav\nc,jazz,c.wav\n");

        var run = CliRun.Of(TestOnlyStatsPreset.Registry(), "extract", manifest, "--preset", "test-stats", "--out", temp.PathOf("t.csv"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"{manifest}:3: unterminated quoted field", line);
    }
}
