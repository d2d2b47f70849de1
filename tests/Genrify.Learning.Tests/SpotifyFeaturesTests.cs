using Genrify.Learning;

namespace Genrify.Learning.Tests;

public class SpotifyFeaturesTests
{
    [Fact]
    public void Gtzan_tempo_is_not_taken_for_Spotifys()
    {
        string[] gtzan = ["chroma_stft_mean", "rms_mean", "tempo", "mfcc1_mean"];
        Assert.All(SpotifyFeatures.Mask(gtzan), Assert.False);
    }

    [Fact]
    public void In_a_study_table_Spotify_names_are_Spotifys_and_prefixed_names_always()
    {
        string[] study = ["danceability", "tempo", "energy", "mean_energy", "mfcc_mean_00"];
        Assert.Equal([true, true, true, false, false], SpotifyFeatures.Mask(study));
        string[] joined = ["tempo", "rms_mean", "spotify_tempo", "spotify_valence", "spotify_unknown"];
        Assert.Equal([false, false, true, true, false], SpotifyFeatures.Mask(joined));
    }

    [Fact]
    public void Select_keeps_the_asked_columns_with_their_values()
    {
        var data = new Dataset(["danceability", "mfcc_mean_00", "valence"], [[0.1, 2, 0.5], [0.9, 3, 0.4]], [0, 1], ["a", "b"]);
        var spotify = SpotifyFeatures.Select(data, FeatureSet.Spotify);
        Assert.Equal(["danceability", "valence"], spotify.FeatureNames);
        Assert.Equal([0.9, 0.4], spotify.Rows[1]);
        var extracted = SpotifyFeatures.Select(data, FeatureSet.Extracted);
        Assert.Equal(["mfcc_mean_00"], extracted.FeatureNames);
        Assert.Same(data, SpotifyFeatures.Select(data, FeatureSet.All));
        var none = new Dataset(["mfcc_mean_00"], [[1.0], [2.0]], [0, 1], ["a", "b"]);
        Assert.Contains("no Spotify", Assert.Throws<ArgumentException>(() => SpotifyFeatures.Select(none, FeatureSet.Spotify)).Message);
    }
}
