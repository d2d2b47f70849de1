using Genrify.Features;
using Genrify.Pipeline.Vocabulary;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests;

/// <summary>The bundled default model (models/default.json) on real clips, as <c>genrify predict</c> loads it.</summary>
public class BundledVocabularyTests
{
    private static readonly Lazy<VocabularyGenrePredictor> Default = new(() =>
        Assert.IsType<VocabularyGenrePredictor>(GenrePredictors.Load(Path.Combine(TestData.RepositoryRoot, "models", "default.json"))));

    /// <summary>
    /// A metal song: the top genre is the family (rock), the kind is named beside it, both fit, each with its own
    /// probability (they do not share one distribution), and the network's own strongest tag is shown.
    /// </summary>
    [Fact]
    public void A_metal_song_is_rock_then_metal_with_probabilities_of_their_own()
    {
        var p = Default.Value.PredictFile(TestData.Audio("muldjord_armygeddon_30s.ogg"));
        Assert.True(p.MultiLabel);
        Assert.Equal("rock", p.Top.Genre);
        Assert.Equal("rock › metal", p.Label);
        Assert.Contains(p.Fits, g => g.Genre == "metal");
        Assert.True(p.Top.Probability > 0.5, $"rock {p.Top.Probability}");
        Assert.Equal("metal", p.Tags[0].Genre);
        Assert.Equal(Default.Value.Classes.Count, p.Genres.Count);
        Assert.All(p.Genres, g => Assert.InRange(g.Probability, 0, 1));
        Assert.True(p.Genres.Sum(g => g.Probability) is var total && Math.Abs(total - 1) > 0.05, $"sum {total}: should not be one distribution");
    }

    /// <summary>Classical music, which the network's tags never name, is named through the GTZAN-table model.</summary>
    [Theory]
    [InlineData("classical.00000.wav")]
    [InlineData("classical.00001.wav")]
    public void Classical_music_is_named_classical(string clip)
    {
        var p = Default.Value.PredictFile(TestData.Audio(clip));
        Assert.Equal("classical", p.Top.Genre);
    }

    /// <summary>A synthetic EDM loop is electronic, and nothing else fits it as well.</summary>
    [Fact]
    public void An_edm_loop_is_electronic()
    {
        var p = Default.Value.PredictFile(TestData.Audio("clip09_edm_128.wav"));
        Assert.Equal("electronic", p.Top.Genre);
        Assert.Equal("electronic", p.Label.Split(' ')[0]);
    }

    /// <summary>The top genre is always a family of the broad vocabulary, for every fixture clip.</summary>
    [Fact]
    public void The_top_genre_is_always_a_family()
    {
        var families = Default.Value.Vocabulary.Genres.Where(g => g.Parent is null).Select(g => g.Name).ToHashSet();
        string[] broad = ["rock", "pop", "electronic", "classical", "jazz", "hip-hop", "metal", "country", "blues", "folk", "r&b/soul", "ambient"];
        Assert.All(broad, g => Assert.Contains(g, Default.Value.Classes));
        foreach (var clip in new[] { "blues.00099.mp3", "asc_frontiers_30s.mp3", "wz2100_track1_30s.opus", "clip01_chord_tones.wav" })
            Assert.Contains(Default.Value.PredictFile(TestData.Audio(clip)).Top.Genre, families);
    }

    /// <summary>Samples decoded by the caller (the web app's path) give what the file gives.</summary>
    [Fact]
    public void Decoded_samples_give_what_the_file_gives()
    {
        string path = TestData.Audio("blues.00099.mp3");
        var fromFile = Default.Value.PredictFile(path);
        var fromSamples = Default.Value.PredictSamples(path, ClipDecoder.Decode(path, Default.Value.SampleRate).Samples);
        Assert.Equal(fromFile.Genres, fromSamples.Genres);
        Assert.Equal(fromFile.Tags, fromSamples.Tags);
    }

    /// <summary>Silence gets an answer with the silence warning, never a crash.</summary>
    [Fact]
    public void Silence_is_answered_with_a_warning()
    {
        var p = Default.Value.PredictSamples("silence", new float[22050 * 5]);
        Assert.Contains(p.Warnings, w => w.Contains("digital silence"));
        Assert.All(p.Genres, g => Assert.True(double.IsFinite(g.Probability)));
    }
}
