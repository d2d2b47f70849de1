using Genrify.Dsp;

namespace Genrify.Deep;

/// <summary>
/// Computes the network's input with Genrify's librosa-exact DSP:
/// <c>power_to_db(melspectrogram(y, sr, n_fft, hop_length, n_mels, fmin, fmax), ref=1.0, top_db)</c>.
/// </summary>
public static class LogMelFrontEnd
{
    /// <summary>Log-mel (dB) of mono samples already at <see cref="LogMelSettings.SampleRate"/>.</summary>
    public static Matrix Compute(ReadOnlySpan<float> samples, int sampleRate, LogMelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (sampleRate != settings.SampleRate)
            throw new ArgumentException($"samples are at {sampleRate} Hz, the settings expect {settings.SampleRate} Hz (resample when loading)", nameof(sampleRate));
        var stft = StftOptions.Default with { NFft = settings.NFft, HopLength = settings.HopLength };
        var mel = MelSpectrogram.Compute(samples, sampleRate, stft, settings.NMels, (float)settings.FMin,
                                         settings.FMax is { } f ? (float)f : null);
        return Decibels.PowerToDb(mel, 1f, 1e-10f, (float)settings.TopDb);
    }

    /// <summary>Decodes <paramref name="path"/> (mono, resampled to the settings' rate, its first <see cref="Genrify.Features.ClipWindow.Default"/>) and computes its log-mel.</summary>
    public static Matrix FromFile(string path, LogMelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var audio = Genrify.Features.ClipDecoder.Decode(path, settings.SampleRate);
        return Compute(audio.Samples, audio.SampleRate, settings);
    }
}
