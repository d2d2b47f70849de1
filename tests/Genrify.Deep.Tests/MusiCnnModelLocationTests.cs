using Genrify.Deep.MusiCnn;
using Genrify.Features;
using Xunit;

namespace Genrify.Deep.Tests;

public class MusiCnnModelLocationTests
{
    /// <summary>
    /// With no directory given and no variable set, the user data folder is used when it holds a model, and the
    /// error names both places when it does not. Environment variables are process-wide: this test sets and restores
    /// them, and is the only test that touches XDG_DATA_HOME.
    /// </summary>
    [Fact]
    public void Falls_back_to_the_user_data_folder_and_says_where_to_put_the_model()
    {
        string? savedDir = Environment.GetEnvironmentVariable(MusiCnnModelLocation.EnvironmentVariable);
        string? savedData = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        string data = Path.Combine(Path.GetTempPath(), "genrify-xdg-" + Guid.NewGuid().ToString("N"));
        try
        {
            Environment.SetEnvironmentVariable(MusiCnnModelLocation.EnvironmentVariable, null);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", data);
            string expected = Path.Combine(data, "genrify", "musicnn");
            Assert.Equal(expected, MusiCnnModelLocation.UserDirectory);

            var e = Assert.Throws<PresetUnavailableException>(() => MusiCnnModelLocation.Resolve());
            Assert.Contains(expected, e.Message);
            Assert.Contains(MusiCnnModelLocation.EnvironmentVariable, e.Message);

            System.IO.Directory.CreateDirectory(expected);
            File.WriteAllText(Path.Combine(expected, "model.json"), "{}");
            Assert.Equal(expected, MusiCnnModelLocation.Resolve());
            Assert.Equal("/explicit", Assert.Throws<PresetUnavailableException>(() => MusiCnnModelLocation.Resolve("/explicit")).Message.Split(':')[0]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MusiCnnModelLocation.EnvironmentVariable, savedDir);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", savedData);
            if (System.IO.Directory.Exists(data)) System.IO.Directory.Delete(data, true);
        }
    }
}
