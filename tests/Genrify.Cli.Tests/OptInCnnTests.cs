using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// The CNN is opt-in (genrify-cnn): genrify neither carries TorchSharp nor loads it, and asking it for the CNN gets one
/// line saying where the CNN is.
/// </summary>
public class OptInCnnTests
{
    private static readonly PresetRegistry Presets = PresetRegistry.Default;

    // The dependency manifests are rewritten by every build (unlike files an older build may have left in bin/).
    [Fact]
    public void The_build_depends_on_no_torch_package()
    {
        var manifests = Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json");
        Assert.Contains(manifests, m => Path.GetFileName(m) == "genrify.deps.json");
        Assert.All(manifests, m => Assert.DoesNotContain("torch", File.ReadAllText(m), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Training_the_cnn_points_to_genrify_cnn()
    {
        using var temp = new TempFolder();
        var run = CliRun.Of(Presets, "train", Path.Combine(TestData.Directory, "collections", "cnn_small.csv"), "--model", "cnn",
                            "--out", temp.PathOf("m.cnn"));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("genrify-cnn", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(temp.PathOf("m.cnn")));
    }

    [Fact]
    public void A_cnn_model_file_is_named_and_pointed_to_genrify_cnn_without_loading_libtorch()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("tiny.cnn");
        File.WriteAllBytes(model, [.. "GRFYCNN1"u8, 1, 2, 3]);
        var run = CliRun.Of(Presets, "predict", TestData.Audio("clip09_edm_128.wav"), "--model", model);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("tiny.cnn", line);
        Assert.Contains("genrify-cnn", line);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.Contains("torch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Embed_is_not_a_genrify_command()
    {
        var run = CliRun.Of(Presets, "embed", TestData.Audio("clip09_edm_128.wav"), "--model", "m.cnn", "--out", "e.csv");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
