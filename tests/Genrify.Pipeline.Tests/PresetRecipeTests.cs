using Genrify.Features.Presets;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>
/// The recipes the DSP presets write from their settings are the ones models were trained and saved with: a model
/// refuses features whose recipe differs, so any change here would orphan every saved model of that preset.
/// </summary>
public class PresetRecipeTests
{
    [Fact]
    public void The_gtzan_recipe_is_the_one_the_shipped_gtzan_model_recorded()
    {
        var model = GenreModel.Load(Path.Combine(TestData.RepositoryRoot, "models", "gtzan.json"));
        Assert.Equal("gtzan", model.PresetName);
        Assert.Equal(model.PresetOptions.ToJsonString(), new GtzanPreset().Options.ToJsonString());
    }

    [Fact]
    public void The_seed_and_full_recipes_are_those_models_recorded()
    {
        Assert.Equal("""{"sample_rate":22050,"frame_length":512,"hop_length":256,"n_mfcc":12,"n_mels":128,"energy":"sum of squares, no padding","rms_center":true}""",
            new SeedPreset().Options.ToJsonString());
        Assert.Equal("""{"sample_rate":22050,"n_fft":2048,"hop_length":512,"n_mels":128,"n_mfcc":20,"hpss_kernel":31,"tempo":"librosa.feature.tempo, mean onset aggregate","contrast_bands":6,"contrast_fmin":200,"beat_track":"librosa.beat.beat_track, median onset aggregate, tightness 100"}""",
            new FullPreset().Options.ToJsonString());
    }
}
