using Genrify.Pipeline;
using Genrify.Web;

namespace Genrify.Cli.Tests;

/// <summary>Changes $GENRIFY_MODEL, so its tests run alone.</summary>
[CollectionDefinition(nameof(ModelEnvironmentCollection), DisableParallelization = true)]
public sealed class ModelEnvironmentCollection;

/// <summary><c>predict</c> (through <see cref="DefaultModelLocator"/>) and the web app find the same model file.</summary>
[Collection(nameof(ModelEnvironmentCollection))]
public sealed class DefaultModelResolutionTests
{
    private static string Bundled(string name) => Path.Combine(AppContext.BaseDirectory, "models", name);

    private static void WithEnvironment(string? value, Action test)
    {
        var before = Environment.GetEnvironmentVariable(DefaultModelLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DefaultModelLocator.EnvironmentVariable, value);
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(DefaultModelLocator.EnvironmentVariable, before);
        }
    }

    private static string Cli(string? option) => DefaultModelLocator.Resolve(option);

    private static string Web(string? option) => new WebOptions { ModelPath = option }.ResolveModelPath();

    [Fact]
    public void Without_a_name_both_take_the_bundled_default_beside_the_application() => WithEnvironment(null, () =>
    {
        Assert.True(File.Exists(Bundled("default.json")));
        Assert.Equal(Bundled("default.json"), Cli(null));
        Assert.Equal(Cli(null), Web(null));
        Assert.Equal(Cli(""), Web(""));
    });

    [Fact]
    public void The_option_wins_over_the_environment_and_the_environment_over_the_default() => WithEnvironment("from-env.json", () =>
    {
        Assert.Equal("given.json", Cli("given.json"));
        Assert.Equal(Cli("given.json"), Web("given.json"));
        Assert.Equal("from-env.json", Cli(null));
        Assert.Equal(Cli(null), Web(null));
    });

    [Fact]
    public void An_empty_environment_variable_counts_as_unset() => WithEnvironment("", () =>
    {
        Assert.Equal(Bundled("default.json"), Cli(null));
        Assert.Equal(Cli(null), Web(null));
    });

    [Fact]
    public void A_bare_name_of_a_bundled_model_means_that_model_for_both() => WithEnvironment(null, () =>
    {
        Assert.Equal(Bundled("gtzan.json"), Cli("gtzan"));
        Assert.Equal(Cli("gtzan"), Web("gtzan"));
        Assert.Equal("no-such-model", Cli("no-such-model"));
        Assert.Equal(Cli("no-such-model"), Web("no-such-model"));
    });
}
