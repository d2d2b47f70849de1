using Genrify.Dsp;

namespace Genrify.Features.Presets;

/// <summary>
/// The intermediate spectra of one clip at librosa's feature defaults (n_fft 2048, hop 512, centred, zero padding),
/// each computed once on first use and shared by every feature that needs it, as passing <c>S=</c> does in librosa.
/// Not thread-safe: one instance per clip per worker.
/// </summary>
public sealed class ClipAnalysis
{
    private readonly float[] _samples;
    private ComplexMatrix? _stft;
    private Matrix? _magnitude;
    private Matrix? _power;
    private Matrix? _melPower;
    private Matrix? _logMel;

    /// <summary>Wraps <paramref name="samples"/> (mono, <paramref name="sampleRate"/> Hz); the array is not copied.</summary>
    public ClipAnalysis(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Signal.ValidateAudio(samples);
        _samples = samples;
        SampleRate = sampleRate;
    }

    /// <summary>The clip's samples.</summary>
    public ReadOnlySpan<float> Samples => _samples;

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The complex STFT (1025 bins × frames).</summary>
    public ComplexMatrix Stft => _stft ??= Dsp.Stft.Compute(_samples, StftOptions.Default);

    /// <summary>|STFT|, the input of centroid, bandwidth, rolloff, contrast and flatness.</summary>
    public Matrix Magnitude => _magnitude ??= Stft.Magnitude();

    /// <summary>|STFT|², the input of chroma and the mel spectrogram: the float32 square of <see cref="Magnitude"/>,
    /// exactly numpy's <c>np.abs(D) ** 2</c>, without a second square root per bin.</summary>
    public Matrix Power => _power ??= Squared(Magnitude);

    /// <summary>128-band Slaney mel power spectrogram.</summary>
    public Matrix MelPower => _melPower ??= MelSpectrogram.FromPower(Power, MelFilterBank.Create(SampleRate, StftOptions.Default.NFft));

    /// <summary><c>power_to_db(mel, ref=1, top_db=80)</c>: the input of MFCC and onset strength.</summary>
    public Matrix LogMel => _logMel ??= Decibels.PowerToDb(MelPower);

    private static Matrix Squared(Matrix m)
    {
        var result = new Matrix(m.Rows, m.Columns);
        System.Numerics.Tensors.TensorPrimitives.Multiply(m.Data, m.Data, result.Data);
        return result;
    }

    /// <summary>Onset strength envelope with the given aggregation over mel bands (mean for tempo, median for beats).</summary>
    public float[] OnsetEnvelope(OnsetAggregate aggregate) => OnsetStrength.FromSpectrogram(LogMel, aggregate: aggregate);
}
