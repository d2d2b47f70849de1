using System.Globalization;
using Genrify.Dsp;
using Genrify.Features.Presets;

namespace Genrify.Features.Extraction;

/// <summary>
/// A clip's time-averaged mel spectrum in dB: the mean of its mel power over every frame, band by band, then
/// 10·log10. Averaged over a genre's clips it is the genre's spectral "fingerprint" (where its energy sits, from bass
/// to air). The STFT and mel bands are those of the presets (<see cref="ClipAnalysis"/>): 22050 Hz, 2048-point frames,
/// 128 Slaney mel bands from 0 Hz to Nyquist.
/// </summary>
public sealed class MelProfileExtractor : IClipExtractor<double[]>
{
    /// <summary>Power below this (−100 dB) counts as this, so digital silence gives a finite profile.</summary>
    public const double PowerFloor = 1e-10;

    /// <summary>The one instance (the extractor has no settings of its own).</summary>
    public static MelProfileExtractor Instance { get; } = new();

    private MelProfileExtractor()
    {
    }

    /// <inheritdoc />
    public string Name => "melprofile";

    /// <inheritdoc />
    public int SampleRate => 22050;

    /// <summary>Number of values per clip: one per mel band.</summary>
    public int Bands => ClipAnalysis.MelBands;

    /// <inheritdoc />
    public string Recipe => string.Create(CultureInfo.InvariantCulture,
        $"mean mel power dB; sr={SampleRate}; n_fft={ClipAnalysis.StftSettings.NFft}; hop={ClipAnalysis.StftSettings.EffectiveHopLength}; n_mels={Bands}; floor={PowerFloor}");

    /// <summary>The centre frequency of each band in Hz (librosa's <c>mel_frequencies(n_mels + 2)[1:-1]</c>).</summary>
    public double[] BandCentresHz() => MelScale.MelFrequencies(Bands + 2, 0, SampleRate / 2.0)[1..^1];

    /// <inheritdoc />
    public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        var mel = ClipAnalysis.OfCopy(samples, SampleRate, buffers).MelPower;
        if (mel.Columns == 0) throw new ArgumentException("the clip is too short for one spectrum frame");
        var profile = new double[mel.Rows];
        for (int band = 0; band < mel.Rows; band++)
        {
            double sum = 0;
            foreach (float power in mel.Row(band)) sum += power;
            profile[band] = 10 * Math.Log10(Math.Max(sum / mel.Columns, PowerFloor));
        }
        return profile;
    }
}
