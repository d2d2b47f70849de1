namespace Genrify.Audio.Tests;

/// <summary>Resampler behaviour that does not need a reference file (the reference parity is in AudioParityTests).</summary>
public class ResamplerTests
{
    [Fact]
    public void A_sine_keeps_its_amplitude_and_frequency()
    {
        const int n = 44100;
        var x = Enumerable.Range(0, n).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / 44100.0))).ToArray();
        var y = Resampler.Resample(x, 44100, 22050);

        Assert.Equal(22050, y.Length);
        // Away from the edges the output is the same sine sampled at 22050 Hz (HQ: 20-bit precision, linear phase).
        for (int i = 1000; i < 21000; i++)
            Assert.True(Math.Abs(y[i] - 0.5 * Math.Sin(2 * Math.PI * 440 * i / 22050.0)) < 1e-4, $"sample {i}: {y[i]}");
    }

    [Theory]
    [InlineData(1, 44100, 22050, 1)]
    [InlineData(3, 44100, 22050, 2)]
    [InlineData(1440648, 48000, 22050, 661798)]
    [InlineData(240000, 8000, 22050, 661500)]
    public void Length_is_librosa_ceiling(int n, int from, int to, int expected)
    {
        Assert.Equal(expected, Resampler.LibrosaLength(n, from, to));
        Assert.Equal(expected, Resampler.Resample(new float[n], from, to).Length);
    }

    [Fact]
    public void Equal_rates_copy_and_empty_input_gives_empty_output()
    {
        float[] x = [1, 2, 3];
        var y = Resampler.Resample(x, 22050, 22050);
        Assert.Equal(x, y);
        Assert.NotSame(x, y);
        Assert.Empty(Resampler.Resample([], 44100, 22050));
    }

    [Fact]
    public void Bad_rates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[4], 0, 22050));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[4], 44100, -1));
    }

    [Fact]
    public void Fix_length_pads_with_zeros_or_trims()
    {
        Assert.Equal([1f, 2f, 0f], Resampler.FixLength([1, 2], 3));
        Assert.Equal([1f], Resampler.FixLength([1, 2], 1));
    }
}
