using Genrify.Pipeline.Insight;

namespace Genrify.Pipeline.Tests.Insight;

public class DescribedFeatureTests
{
    private static readonly string[] Gtzan = ["chroma_stft_mean", "rms_mean", "rms_var", "spectral_centroid_mean", "tempo"];

    [Fact]
    public void The_study_features_resolve_to_columns_or_their_derivation()
    {
        var row = new[] { 0.3, 0.1, 0.01, 2000.0, 120.0 };
        var tempo = DescribedFeature.Resolve("tempo", Gtzan)!;
        Assert.Equal(("tempo", "BPM", 120.0), (tempo.Name, tempo.Unit, tempo.Value(row)));
        var loudness = DescribedFeature.Resolve("loudness", Gtzan)!;
        Assert.Equal(("dBFS", -20.0), (loudness.Unit, loudness.Value(row)));
        Assert.Equal(0.1, DescribedFeature.Resolve("energy", Gtzan)!.Value(row));
        Assert.Equal("Hz", DescribedFeature.Resolve("spectral_centroid_mean", Gtzan)!.Unit);
        Assert.Null(DescribedFeature.Resolve("danceability", Gtzan));
        // The full preset's beat tracker gives the tempo when there is no plain tempo column.
        Assert.Equal(97.0, DescribedFeature.Resolve("tempo", ["beat_tempo", "rms_mean"])!.Value([97.0, 0.2]));
    }

    [Fact]
    public void A_named_feature_the_table_lacks_is_refused_with_the_columns_it_has()
    {
        var e = Assert.Throws<UnknownFeatureException>(() => CollectionPictures.Describe(Gtzan, ["danceability"]));
        Assert.Contains("chroma_stft_mean", e.Message);
        Assert.Equal(3, CollectionPictures.Describe(Gtzan, null).Count);
    }
}

public class DriverGroupsTests
{
    [Fact]
    public void Pretrained_columns_are_one_group_and_hand_made_ones_group_by_descriptor()
    {
        var groups = DriverGroups.Of(["musicnn_emb_0", "mfcc1_mean", "musicnn_emb_1", "mfcc1_var", "tempo"]);
        Assert.Equal([DriverGroups.Pretrained, "mfcc1", "tempo"], groups.Select(g => g.Name));
        Assert.Equal([0, 2], groups[0].Columns);
        Assert.Equal([1, 3], groups[1].Columns);
        Assert.Equal(["tempo"], DriverGroups.Of(["tempo"]).Select(g => g.Name)); // no empty pretrained group
    }
}
