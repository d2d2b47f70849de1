namespace Genrify.Dsp.Tests;

public sealed class PitchTests
{
    [Fact]
    public void Pitch_tuning_of_frequencies_25_cents_sharp_is_a_quarter_bin()
    {
        // librosa's example: cqt_frequencies(24, 55, tuning=0.25) → 0.25.
        var f = new float[24];
        for (int i = 0; i < f.Length; i++) f[i] = (float)(55.0 * Math.Pow(2, (i + 0.25) / 12));
        Assert.Equal(0.25, Pitch.PitchTuning(f), 12);
        Assert.Equal(0.0, Pitch.PitchTuning(new float[] { 0f, -3f })); // nothing positive
    }

    [Fact]
    public void Piptrack_interpolates_a_peak_between_bins()
    {
        // One frame whose magnitude is a parabola peaking at bin 100.3.
        var s = new Matrix(1025, 1);
        for (int k = 95; k <= 105; k++) s[k, 0] = (float)Math.Max(0, 10 - (k - 100.3) * (k - 100.3));
        var (pitches, mags) = Pitch.PipTrack(s, 22050);
        int found = Enumerable.Range(0, 1025).Single(k => pitches[k, 0] > 0);
        Assert.Equal(100, found);
        Assert.Equal(100.3 * 22050 / 2048, pitches[found, 0], 2);
        Assert.Equal(10.0, mags[found, 0], 3);
    }

    [Fact]
    public void Piptrack_respects_frequency_range_and_threshold()
    {
        var s = new Matrix(1025, 1);
        s[5, 0] = 100f;   // 54 Hz: below fmin 150
        s[200, 0] = 50f;  // 2153 Hz: kept
        s[300, 0] = 4f;   // below 0.1·max(S)
        var (pitches, _) = Pitch.PipTrack(s, 22050);
        Assert.Equal(0f, pitches[5, 0]);
        Assert.True(pitches[200, 0] > 0);
        Assert.Equal(0f, pitches[300, 0]);
    }

    [Fact]
    public void Estimate_tuning_of_a_tone_on_a_bin_centre()
    {
        // A sine exactly on bin 41 (441.43 Hz, 5.6 cents above A440): symmetric neighbours give no parabolic
        // shift, so the histogram bin is [0.05, 0.06) and its left edge is returned.
        const int sr = 22050;
        var y = new float[sr * 2];
        double f0 = 41.0 * sr / 2048;
        for (int i = 0; i < y.Length; i++) y[i] = (float)Math.Sin(2 * Math.PI * f0 * i / sr);
        double tuning = Pitch.EstimateTuning(Stft.Magnitude(y, power: 2f), sr);
        Assert.Equal(0.05, tuning, 10);
    }
}
