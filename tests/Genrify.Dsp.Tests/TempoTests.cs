using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class TempoTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Feature_tempo_with_mean_onsets_equals_librosa(string clip)
    {
        double tempo = Tempo.FromAudio(LibrosaReference.Audio(clip), 22050);
        double expected = LibrosaReference.Load(clip).Gtzan("tempo");
        output.WriteLine($"{clip}: tempo {tempo:R}, librosa {expected:R}");
        Assert.Equal(expected, tempo);
    }

    [Fact]
    public void Impulse_train_gives_its_period()
    {
        // One onset every 20 frames: 60·22050/(512·20) = 129.19921875 BPM.
        var env = new float[1000];
        for (int t = 10; t < env.Length; t += 20) env[t] = 1f;
        Assert.Equal(129.19921875, Tempo.Estimate(env));
        // A prior centred far away and a max_tempo below the true tempo move the estimate to a multiple.
        Assert.Equal(129.19921875 / 2, Tempo.Estimate(env, startBpm: 60, maxTempo: 100));
    }

    [Fact]
    public void Silence_falls_back_to_the_prior_peak()
    {
        // An all-zero tempogram leaves only the log-normal prior: the lag whose BPM is closest to 120 in log2.
        double tempo = Tempo.Estimate(new float[600]);
        Assert.Equal(60 * 22050 / (512.0 * 22), tempo); // 117.45 BPM (lag 21 = 123.0 is farther in log2)
    }

    [Fact]
    public void Tempo_frequencies_and_window_length()
    {
        double[] f = Tempo.Frequencies(4, 22050, 512);
        Assert.True(double.IsPositiveInfinity(f[0]));
        Assert.Equal(2583.984375, f[1]);
        Assert.Equal(2583.984375 / 3, f[3]);
        Assert.Equal(344, Tempo.WinLength(8.0, 22050, 512));
    }

    [Fact]
    public void Per_frame_tempo_follows_a_tempo_change()
    {
        var env = new float[2000];
        for (int t = 0; t < 1000; t += 20) env[t] = 1f;
        for (int t = 1000; t < 2000; t += 25) env[t] = 1f;
        double[] perFrame = Tempo.EstimatePerFrame(env);
        Assert.Equal(2000, perFrame.Length);
        Assert.Equal(60 * 22050 / (512.0 * 20), perFrame[400]);
        Assert.Equal(60 * 22050 / (512.0 * 25), perFrame[1600]);
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var env = new float[100];
        Assert.Throws<ArgumentException>(() => Tempo.Estimate(env, startBpm: 0));
        Assert.Throws<ArgumentException>(() => Tempo.Estimate(env, hopLength: 0));
        Assert.Throws<ArgumentException>(() => Tempo.Estimate(ReadOnlySpan<float>.Empty));
    }
}
