using Genrify.Audio;
using Genrify.Tests.Shared;
using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class BeatTrackerTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Beat_track_tempo_and_every_beat_equal_librosa(string clip)
    {
        var reference = LibrosaReference.Load(clip);
        var result = BeatTracker.FromAudio(LibrosaReference.Audio(clip), 22050);
        int[] expected = reference.Element("extras.beats_all").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        output.WriteLine($"{clip}: tempo {result.Tempo:R} (librosa {reference.Element("extras.beat_track_tempo").GetDouble():R}), {result.Beats.Length} beats (librosa {expected.Length})");
        Assert.Equal(reference.Element("extras.beat_track_tempo").GetDouble(), result.Tempo);
        Assert.Equal(reference.Element("default.tempo").GetDouble(), result.Tempo);
        Assert.Equal(expected, result.Beats);
        int[] first32 = reference.Element("default.beats").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(first32, result.Beats.Take(32).ToArray());
    }

    [Fact]
    public void Short_clip_gives_librosas_tempo_and_single_beat()
    {
        var y = AudioLoader.LoadNative(TestData.BadAudio("short_0.1s.wav")).Samples;
        var result = BeatTracker.FromAudio(y, 22050);
        Assert.Equal(135.99917763157896, result.Tempo);
        Assert.Single(result.Beats);
    }

    [Fact]
    public void Silence_gives_zero_tempo_and_no_beats()
    {
        var y = AudioLoader.LoadNative(TestData.BadAudio("silence_30s.wav")).Samples;
        var result = BeatTracker.FromAudio(y, 22050);
        Assert.Equal(0.0, result.Tempo);
        Assert.Empty(result.Beats);
    }

    [Fact]
    public void Regular_pulse_is_tracked_on_its_onsets()
    {
        // Onsets every 20 frames from frame 15: every tracked beat lands on one, with the period between them.
        var env = new float[600];
        for (int t = 15; t < env.Length; t += 20) env[t] = 1f;
        var result = BeatTracker.Track(env);
        Assert.Equal(129.19921875, result.Tempo);
        Assert.True(result.Beats.Length >= 25, $"only {result.Beats.Length} beats");
        Assert.All(result.Beats, b => Assert.Equal(15, b % 20));
        Assert.All(result.Beats.Zip(result.Beats.Skip(1)), p => Assert.Equal(20, p.Second - p.First));
    }

    [Fact]
    public void Given_bpm_is_used_and_bad_parameters_throw()
    {
        var env = new float[400];
        for (int t = 5; t < env.Length; t += 20) env[t] = 1f;
        Assert.Equal(100.0, BeatTracker.Track(env, bpm: 100.0).Tempo);
        Assert.Throws<ArgumentException>(() => BeatTracker.Track(env, bpm: 0));
        Assert.Throws<ArgumentException>(() => BeatTracker.Track(env, tightness: 0));
        Assert.Throws<ArgumentException>(() => BeatTracker.Track(env, hopLength: 0));
    }
}
