using Genrify.Dsp;

namespace Genrify.Features.Presets;

/// <summary>
/// The intermediate spectra of one clip at librosa's feature defaults (n_fft 2048, hop 512, centred, zero padding),
/// each computed once on first use and shared by every feature that needs it, as passing <c>S=</c> does in librosa.
/// Not thread-safe: one instance per clip per worker.
/// </summary>
/// <remarks>
/// With <see cref="ExtractionBuffers"/>, the clip-sized spectra live in the worker's reused arrays: they stay valid
/// until the same buffers serve the next clip.
/// </remarks>
public sealed class ClipAnalysis
{
    private readonly float[] _samples;
    private readonly ExtractionBuffers _buffers;
    private ComplexMatrix? _stft;
    private Matrix? _magnitude;
    private Matrix? _power;
    private Matrix? _melPower;
    private Matrix? _logMel;

    /// <summary>Wraps <paramref name="samples"/> (mono, <paramref name="sampleRate"/> Hz); the array is not copied.</summary>
    public ClipAnalysis(float[] samples, int sampleRate) : this(samples, sampleRate, new ExtractionBuffers())
    {
    }

    /// <summary>Wraps <paramref name="samples"/> (not copied); the large spectra go into <paramref name="buffers"/>.</summary>
    public ClipAnalysis(float[] samples, int sampleRate, ExtractionBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(buffers);
        Signal.ValidateAudio(samples);
        _samples = samples;
        _buffers = buffers;
        SampleRate = sampleRate;
    }

    /// <summary>
    /// An analysis of a copy of <paramref name="samples"/> kept in <paramref name="buffers"/> (the analysis holds an
    /// array, which a span cannot be wrapped as; the buffer is reused from clip to clip): how the presets start.
    /// </summary>
    public static ClipAnalysis OfCopy(ReadOnlySpan<float> samples, int sampleRate, ExtractionBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        var copy = buffers.Floats("samples", samples.Length);
        samples.CopyTo(copy);
        return new ClipAnalysis(copy, sampleRate, buffers);
    }

    /// <summary>Where this clip's large arrays live; features computed from the analysis may take theirs there too.</summary>
    public ExtractionBuffers Buffers => _buffers;

    /// <summary>The clip's samples.</summary>
    public ReadOnlySpan<float> Samples => _samples;

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>How many times this analysis has run the STFT: at most once, however many spectra are asked for.</summary>
    public int StftPasses { get; private set; }

    /// <summary>The complex STFT (1025 bins × frames).</summary>
    public ComplexMatrix Stft => _stft ??= ComputeStft();

    /// <summary>|STFT|, the input of centroid, bandwidth, rolloff, contrast and flatness.</summary>
    public Matrix Magnitude => _magnitude ??= ComputeMagnitude();

    /// <summary>|STFT|², the input of chroma and the mel spectrogram: the float32 square of <see cref="Magnitude"/>,
    /// exactly numpy's <c>np.abs(D) ** 2</c>, without a second square root per bin.</summary>
    public Matrix Power => _power ??= Squared(Magnitude);

    /// <summary>The STFT settings of every spectrum here (librosa's feature defaults); presets write their recipe from them.</summary>
    public static StftOptions StftSettings { get; } = StftOptions.Default;

    /// <summary>The HPSS settings the presets separate harmonic and percussive parts with (librosa's defaults).</summary>
    public static HpssOptions HpssSettings { get; } = HpssOptions.Default;

    /// <summary>Mel bands of <see cref="MelPower"/>.</summary>
    public const int MelBands = 128;

    /// <summary><see cref="MelBands"/>-band Slaney mel power spectrogram.</summary>
    public Matrix MelPower => _melPower ??= MelSpectrogram.FromPower(Power, MelFilterBank.Create(SampleRate, StftSettings.NFft, MelBands));

    /// <summary><c>power_to_db(mel, ref=1, top_db=80)</c>: the input of MFCC and onset strength.</summary>
    public Matrix LogMel => _logMel ??= Decibels.PowerToDb(MelPower);

    private ComplexMatrix ComputeStft()
    {
        var options = StftSettings;
        var stft = _buffers.Complex("stft", options.Bins, Dsp.Stft.FrameCount(_samples, options));
        Dsp.Stft.Compute(_samples, options, stft);
        StftPasses++;
        return stft;
    }

    private Matrix ComputeMagnitude()
    {
        var stft = Stft;
        var magnitude = _buffers.Matrix("magnitude", stft.Rows, stft.Columns);
        stft.Magnitude(magnitude);
        return magnitude;
    }

    private Matrix Squared(Matrix m)
    {
        var result = _buffers.Matrix("power", m.Rows, m.Columns);
        System.Numerics.Tensors.TensorPrimitives.Multiply(m.Data, m.Data, result.Data);
        return result;
    }

    /// <summary>Onset strength envelope with the given aggregation over mel bands (mean for tempo, median for beats).</summary>
    public float[] OnsetEnvelope(OnsetAggregate aggregate) => OnsetStrength.FromSpectrogram(LogMel, aggregate: aggregate);
}
