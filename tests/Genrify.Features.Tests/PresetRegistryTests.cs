using Genrify.Features.Tests.TestOnly;
using Genrify.Features;

namespace Genrify.Features.Tests;

public class PresetRegistryTests
{
    [Fact]
    public void Finds_a_registered_preset_by_name_ignoring_case()
    {
        var preset = new TestOnlyStatsPreset();
        var registry = new PresetRegistry().Register(preset);
        Assert.Same(preset, registry.Get("TEST-STATS"));
        Assert.Equal(["test-stats"], registry.Names);
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var registry = new PresetRegistry()
            .Register(new TestOnlyStatsPreset("alpha"))
            .Register(new TestOnlyStatsPreset("beta"));
        var e = Assert.Throws<UnknownPresetException>(() => registry.Get("gamma"));
        Assert.Contains("'gamma'", e.Message);
        Assert.Contains("alpha, beta", e.Message);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void Factories_run_once_and_only_when_asked()
    {
        int built = 0;
        var registry = new PresetRegistry().Register("lazy", () => { built++; return new TestOnlyStatsPreset("lazy"); });
        Assert.Equal(0, built);
        var first = registry.Get("lazy");
        Assert.Same(first, registry.Get("lazy"));
        Assert.Equal(1, built);
    }

    [Fact]
    public void Duplicate_and_mismatched_names_are_refused()
    {
        var registry = new PresetRegistry().Register(new TestOnlyStatsPreset("one"));
        Assert.Throws<ArgumentException>(() => registry.Register(new TestOnlyStatsPreset("ONE")));
        registry.Register("two", () => new TestOnlyStatsPreset("three"));
        Assert.Throws<InvalidOperationException>(() => registry.Get("two"));
    }
}
