using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

public sealed class ChromaTests(ITestOutputHelper output)
{
    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Chroma_stft_and_its_tuning_match_librosa(string clip)
    {
        var reference = LibrosaReference.Load(clip);
        var power = Stft.Magnitude(LibrosaReference.Audio(clip), power: 2f);
        var chroma = Chroma.FromPower(power, 22050, out double tuning);
        double expectedTuning = reference.Element("extras.chroma_tuning").GetDouble();
        output.WriteLine($"tuning {tuning:R} (librosa {expectedTuning:R})");
        Assert.Equal(expectedTuning, tuning);
        output.WriteLine(Parity.AssertMatches(reference.Feature("default.chroma_stft"), chroma).ToString());

        // GTZAN columns: mean and variance over all 12 × frames values.
        double sum = 0, sumSq = 0;
        foreach (float v in chroma.Data) sum += v;
        double mean = sum / chroma.Data.Length;
        foreach (float v in chroma.Data) sumSq += (v - mean) * (v - mean);
        double variance = sumSq / chroma.Data.Length;
        output.WriteLine($"chroma_stft_mean {mean:R} (librosa {reference.Gtzan("chroma_stft_mean"):R}), var {variance:R} (librosa {reference.Gtzan("chroma_stft_var"):R})");
        Parity.Close(reference.Gtzan("chroma_stft_mean"), mean, Parity.MeanRtol, 0, "chroma_stft_mean");
        Parity.Close(reference.Gtzan("chroma_stft_var"), variance, Parity.RawRtol, 0, "chroma_stft_var");
    }

    [Fact]
    public void From_audio_equals_from_power()
    {
        float[] y = LibrosaReference.Audio("clip01_chord_tones.wav");
        var a = Chroma.Stft(y, 22050);
        var b = Chroma.FromPower(Stft.Magnitude(y, power: 2f), 22050);
        Assert.Equal(b.Data, a.Data);
    }

    [Fact]
    public void Pure_tone_lights_its_pitch_class()
    {
        // 440 Hz (A) for 1 s: with base_c the A bin is index 9; every frame peaks there at 1.
        const int sr = 22050;
        var y = new float[sr];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / sr));
        var chroma = Chroma.Stft(y, sr);
        Assert.Equal(12, chroma.Rows);
        for (int t = 2; t < chroma.Columns - 2; t++)
        {
            Assert.Equal(1f, chroma[9, t]);
            for (int c = 0; c < 12; c++) if (c != 9) Assert.True(chroma[c, t] < 0.5f, $"bin {c} frame {t}: {chroma[c, t]}");
        }
    }

    [Fact]
    public void Silent_frames_stay_zero_and_norm_none_keeps_raw_energy()
    {
        var power = new Matrix(1025, 3);
        power[100, 1] = 4f; // one bin in frame 1
        var normalised = Chroma.FromPower(power, 22050, tuning: 0.0);
        var raw = Chroma.FromPower(power, 22050, tuning: 0.0, norm: null);
        for (int c = 0; c < 12; c++)
        {
            Assert.Equal(0f, normalised[c, 0]);
            Assert.Equal(0f, normalised[c, 2]);
        }
        var bank = ChromaFilterBank.Create(22050, 2048);
        for (int c = 0; c < 12; c++) Assert.Equal(bank[c, 100] * 4f, raw[c, 1], 6);
        Assert.Equal(1f, Enumerable.Range(0, 12).Max(c => normalised[c, 1]));
    }
}
