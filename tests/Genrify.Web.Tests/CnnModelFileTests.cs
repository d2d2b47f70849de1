using Genrify.Learning;

namespace Genrify.Web.Tests;

/// <summary>The CNN is opt-in (genrify-cnn serve): this app refuses a CNN model file with a message saying so.</summary>
public class CnnModelFileTests
{
    [Fact]
    public void A_cnn_model_file_is_refused_naming_the_opt_in_program()
    {
        var path = Path.Combine(Path.GetTempPath(), $"genrify-web-{Guid.NewGuid():N}.cnn");
        File.WriteAllBytes(path, [.. "GRFYCNN1"u8, 1, 2, 3]);
        try
        {
            var e = Assert.Throws<ModelFileException>(() => WebHost.Build(new WebOptions { ModelPath = path, Port = 0 }));
            Assert.Contains(Path.GetFileName(path), e.Message);
            Assert.Contains("genrify-cnn", e.Message);
        }
        finally { File.Delete(path); }
    }
}
