namespace Genrify.Dsp;

/// <summary>librosa.feature.melspectrogram: |STFT|^power projected onto a mel filter bank.</summary>
public static class MelSpectrogram
{
    /// <summary>
    /// Mel spectrogram of <paramref name="y"/> (n_mels × frames). Defaults are librosa's: n_fft 2048, hop 512, centred
    /// with zero padding (hop 512 unless set, as librosa's melspectrogram), power 2, 128 Slaney-normalised Slaney-scale bands from 0 Hz to sr/2.
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null, int nMels = 128,
        float fMin = 0, float? fMax = null, bool htk = false, MelNorm norm = MelNorm.Slaney, float power = 2f)
    {
        stft = (stft ?? StftOptions.Default).WithFeatureHop();
        var bank = MelFilterBank.Create(sampleRate, stft.NFft, nMels, fMin, fMax, htk, norm);
        return bank.Apply(Stft.Magnitude(y, stft, power));
    }

    /// <summary>Mel projection of a precomputed (bins × frames) magnitude or power spectrogram.</summary>
    public static Matrix FromPower(Matrix power, MelFilterBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return bank.Apply(power);
    }
}
