namespace Genrify.Audio.Tests;

/// <summary>ChannelMixer against numpy's float32 mean (computed by its documented pairwise algorithm, written out plainly here).</summary>
public class ChannelMixerTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(24)]
    public void Mean_over_channels_follows_numpy_summation_order(int channels)
    {
        var rng = new Random(channels);
        int frames = 1003;
        var x = new float[frames * channels];
        for (int i = 0; i < x.Length; i++) x[i] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 2)));

        var mono = ChannelMixer.Downmix(x, channels);

        for (int f = 0; f < frames; f++)
        {
            var frame = x.AsSpan(f * channels, channels);
            float expected;
            if (channels < 8)
            {
                expected = 0f;
                foreach (float v in frame) expected += v;
            }
            else
            {
                var r = frame[..8].ToArray();
                int i = 8;
                for (; i + 8 <= channels; i += 8)
                    for (int j = 0; j < 8; j++) r[j] += frame[i + j];
                expected = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for (; i < channels; i++) expected += frame[i];
            }
            Assert.Equal(expected / channels, mono[f]);
        }
    }

    [Fact]
    public void Stereo_vector_path_equals_scalar_for_every_length()
    {
        var rng = new Random(7);
        for (int frames = 0; frames < 40; frames++)
        {
            var x = Enumerable.Range(0, 2 * frames).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            var mono = ChannelMixer.Downmix(x, 2);
            Assert.Equal(Enumerable.Range(0, frames).Select(i => (x[2 * i] + x[2 * i + 1]) / 2f), mono);
        }
    }

    [Fact]
    public void Deinterleave_splits_frames()
    {
        var channels = ChannelMixer.Deinterleave([1, 2, 3, 4, 5, 6], 3);
        Assert.Equal([1f, 4f], channels[0]);
        Assert.Equal([2f, 5f], channels[1]);
        Assert.Equal([3f, 6f], channels[2]);
    }

    [Fact]
    public void Partial_frames_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ChannelMixer.Downmix(new float[5], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelMixer.Downmix(new float[4], 0));
    }
}
