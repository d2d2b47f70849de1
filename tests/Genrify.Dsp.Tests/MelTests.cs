using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class MelTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Mel_power_matches_librosa(string clip)
    {
        var mel = MelSpectrogram.Compute(LibrosaReference.Audio(clip), 22050);
        output.WriteLine(Parity.AssertMatches(LibrosaReference.Load(clip).Feature("default.mel_power"), mel).ToString());
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Mel_db_relative_to_max_matches_librosa(string clip)
    {
        var power = Stft.Magnitude(LibrosaReference.Audio(clip), power: 2f);
        var mel = MelSpectrogram.FromPower(power, MelFilterBank.Create(22050, 2048));
        var db = Decibels.PowerToDb(mel, DbReference.Max);
        output.WriteLine(Parity.AssertMatches(LibrosaReference.Load(clip).Feature("default.mel_db"), db).ToString());
    }

    [Fact]
    public void Mel_scale_known_points()
    {
        Assert.Equal(15.0, MelScale.HzToMel(1000), 12);        // Slaney: linear to 1 kHz at 200/3 Hz per mel
        Assert.Equal(3.0, MelScale.HzToMel(200), 12);
        Assert.Equal(1000.0, MelScale.MelToHz(15), 9);
        Assert.Equal(6400.0, MelScale.MelToHz(15 + 27), 6);    // log region: 6.4× every 27 mels
        Assert.Equal(1000.0, MelScale.HzToMel(1000, htk: true), 1); // HTK's 1000 Hz ≈ 1000 mel
        for (double hz = 10; hz < 11025; hz *= 1.7)
        {
            Assert.Equal(hz, MelScale.MelToHz(MelScale.HzToMel(hz)), 6);
            Assert.Equal(hz, MelScale.MelToHz(MelScale.HzToMel(hz, true), true), 6);
        }
    }

    [Fact]
    public void Filter_bank_is_cached_and_triangles_overlap_in_pairs()
    {
        var bank = MelFilterBank.Create(22050, 2048);
        Assert.Same(bank, MelFilterBank.Create(22050, 2048, 128, 0, null, false, MelNorm.Slaney));
        Assert.Equal(128, bank.Weights.Rows);
        Assert.Equal(1025, bank.Weights.Columns);
        for (int k = 0; k < bank.Bins; k++)
        {
            int touching = 0;
            for (int m = 0; m < bank.NMels; m++) if (bank.Weights[m, k] != 0) touching++;
            Assert.InRange(touching, 0, 2);
        }
        // Without normalisation each triangle peaks at (at most) 1 and the sum over adjacent filters is 1 between centres.
        var plain = MelFilterBank.Create(22050, 2048, 40, norm: MelNorm.None);
        for (int k = 20; k < 900; k++)
        {
            float sum = 0;
            for (int m = 0; m < plain.NMels; m++) sum += plain.Weights[m, k];
            Assert.Equal(1f, sum, 1e-5f);
        }
    }

    [Fact]
    public void Sparse_application_equals_the_dense_product()
    {
        var power = Stft.Magnitude(LibrosaReference.Audio("clip01_chord_tones.wav").AsSpan(0, 40_000), new StftOptions { NFft = 1024 }, 2f);
        var bank = MelFilterBank.Create(22050, 1024, 64, 50, 8000, htk: true);
        var mel = bank.Apply(power);
        for (int m = 0; m < 64; m++)
            for (int t = 0; t < power.Columns; t += 7)
            {
                double dense = 0;
                for (int k = 0; k < bank.Bins; k++) dense += bank.Weights[m, k] * (double)power[k, t];
                Assert.Equal(dense, mel[m, t], Math.Max(1e-9, 1e-5 * Math.Abs(dense)));
            }
    }

    [Fact]
    public void Fused_log_mel_equals_power_to_db_of_the_mel_spectrogram()
    {
        // 40 000 samples at hop 256: 157 frames, so the last block of 16 is partial; a silent stretch hits the amin floor.
        var y = LibrosaReference.Audio("clip01_chord_tones.wav").AsSpan(0, 40_000).ToArray();
        Array.Clear(y, 10_000, 5_000);
        var options = new StftOptions { NFft = 512, HopLength = 256 };
        var expected = Decibels.PowerToDb(MelSpectrogram.Compute(y, 22050, options));
        var fused = MelSpectrogram.ComputeDb(y, 22050, options, 128, 0, null, false, MelNorm.Slaney);
        Assert.Equal((expected.Rows, expected.Columns), (fused.Rows, fused.Columns));
        for (int i = 0; i < expected.Data.Length; i++) Assert.Equal(expected.Data[i], fused.Data[i], 1e-4f);
        Assert.Contains(fused.Data, v => v == fused.Data.Max() - 80f); // the top_db clip is applied
    }

    [Theory]
    [InlineData(512, 256, 12, 0)]   // the seed preset's MFCCs
    [InlineData(2048, 512, 20, 22)] // librosa's defaults, liftered
    public void Mfcc_over_tiles_equals_the_dct_of_the_clipped_log_mel(int nFft, int hop, int nMfcc, int lifter)
    {
        // Mfcc.Compute keeps the dB mel in tiles of 16 frames and clips inside the DCT; it must give exactly the
        // values of the row-major route (same operations in the same order). 40 000 samples leave a partial last
        // tile; the silent stretch sits at the clip.
        var y = LibrosaReference.Audio("clip01_chord_tones.wav").AsSpan(0, 40_000).ToArray();
        Array.Clear(y, 10_000, 5_000);
        var options = new StftOptions { NFft = nFft, HopLength = hop };
        var expected = Mfcc.FromLogMel(MelSpectrogram.ComputeDb(y, 22050, options, 128, 0, null, false, MelNorm.Slaney), nMfcc, lifter);
        var tiled = Mfcc.Compute(y, 22050, nMfcc, options, lifter: lifter);
        Assert.Equal((expected.Rows, expected.Columns), (tiled.Rows, tiled.Columns));
        Assert.NotEqual(0, expected.Columns % 16);
        Assert.Equal(expected.Data, tiled.Data);
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        Assert.Throws<ArgumentException>(() => MelFilterBank.Create(0, 2048));
        Assert.Throws<ArgumentException>(() => MelFilterBank.Create(22050, 2048, 0));
        Assert.Throws<ArgumentException>(() => MelFilterBank.Create(22050, 2048, fMin: 5000, fMax: 4000));
        Assert.Throws<ArgumentException>(() => MelFilterBank.Create(22050, 2048).Apply(new Matrix(513, 3)));
    }
}
