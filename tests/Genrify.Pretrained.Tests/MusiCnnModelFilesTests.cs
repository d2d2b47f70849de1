using Genrify.Features;
using Genrify.Pretrained.MusiCnn;

namespace Genrify.Pretrained.Tests;

/// <summary>Runs alone: it changes a process-wide environment variable that every other test's network resolves.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public class MusiCnnModelFilesTests
{
    /// <summary>
    /// With nothing set the shipped network is found beside the program; the environment variable replaces it, and a
    /// directory without the files is named in the error. Environment variables are process-wide: this test sets
    /// and restores the only one it touches.
    /// </summary>
    [Fact]
    public void The_shipped_network_is_the_default_and_the_variable_overrides_it()
    {
        string? saved = Environment.GetEnvironmentVariable(MusiCnnModelFiles.EnvironmentVariable);
        string other = Path.Combine(Path.GetTempPath(), "genrify-musicnn-" + Guid.NewGuid().ToString("N"));
        try
        {
            Environment.SetEnvironmentVariable(MusiCnnModelFiles.EnvironmentVariable, null);
            var shipped = MusiCnnModelFiles.Resolve();
            Assert.Equal(MusiCnnModelFiles.ShippedDirectory, shipped.Directory);
            Assert.True(File.Exists(shipped.OnnxPath));

            Environment.SetEnvironmentVariable(MusiCnnModelFiles.EnvironmentVariable, other);
            var e = Assert.Throws<PresetUnavailableException>(() => MusiCnnModelFiles.Resolve());
            Assert.Contains(Path.Combine(other, "timbral.onnx"), e.Message);
            Assert.Contains(MusiCnnModelFiles.EnvironmentVariable, e.Message);

            System.IO.Directory.CreateDirectory(other);
            File.Copy(shipped.TimbralPath, Path.Combine(other, "timbral.onnx"));
            File.Copy(shipped.OnnxPath, Path.Combine(other, "model.onnx"));
            File.Copy(shipped.TagsPath, Path.Combine(other, "tags.txt"));
            Assert.Equal(other, MusiCnnModelFiles.Resolve().Directory);
            Assert.Equal(shipped.Directory, MusiCnnModelFiles.Resolve(shipped.Directory).Directory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MusiCnnModelFiles.EnvironmentVariable, saved);
            if (System.IO.Directory.Exists(other)) System.IO.Directory.Delete(other, true);
        }
    }
}
