namespace Genrify.Dsp;

/// <summary>Parameters of <see cref="Stft"/>, with librosa.stft's defaults (window is always a periodic Hann).</summary>
public sealed record StftOptions
{
    /// <summary>Shared default instance (n_fft 2048, hop 512, centred, zero padding).</summary>
    public static readonly StftOptions Default = new();

    /// <summary>FFT size (frame length after window padding). librosa default 2048.</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Samples between frames; null means <c>WinLength / 4</c> (librosa: win_length // 4).</summary>
    public int? HopLength { get; init; }

    /// <summary>Window length (≤ NFft, zero-padded to NFft in the centre); null means NFft.</summary>
    public int? WinLength { get; init; }

    /// <summary>Pad the signal so frame t is centred at sample t·hop.</summary>
    public bool Center { get; init; } = true;

    /// <summary>How the signal is padded when <see cref="Center"/> (librosa 0.10+ default: zeros).</summary>
    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>The window length actually used.</summary>
    public int EffectiveWinLength => WinLength ?? NFft;

    /// <summary>The hop actually used.</summary>
    public int EffectiveHopLength => HopLength ?? EffectiveWinLength / 4;

    /// <summary>Number of frequency bins, <c>1 + NFft/2</c>.</summary>
    public int Bins => 1 + NFft / 2;

    /// <summary>
    /// librosa's feature functions (melspectrogram, spectral_*, chroma_stft) default hop_length to 512 rather than
    /// win_length // 4: these options with that default applied when <see cref="HopLength"/> is unset.
    /// </summary>
    public StftOptions WithFeatureHop() => HopLength is null ? this with { HopLength = 512 } : this;

    /// <summary>Throws <see cref="ArgumentException"/> if the options are inconsistent.</summary>
    public void Validate()
    {
        if (NFft < 1) throw new ArgumentException($"NFft must be positive (got {NFft}).");
        if (EffectiveWinLength < 1 || EffectiveWinLength > NFft)
            throw new ArgumentException($"WinLength must be in [1, NFft={NFft}] (got {EffectiveWinLength}).");
        if (EffectiveHopLength < 1) throw new ArgumentException($"HopLength must be positive (got {EffectiveHopLength}).");
        if (!Enum.IsDefined(PadMode)) throw new ArgumentException($"unknown pad mode {PadMode}.");
    }

    /// <summary>Number of frames for a signal of <paramref name="length"/> samples (librosa: 1 + (padded - n_fft) // hop).</summary>
    public int FrameCount(int length)
    {
        long padded = Center ? length + 2L * (NFft / 2) : length;
        if (padded < NFft)
            throw new ArgumentException(Center
                ? $"signal of {length} samples is too short for n_fft={NFft} even after centre padding."
                : $"n_fft={NFft} is too large for uncentered analysis of a signal of {length} samples.");
        return (int)(1 + (padded - NFft) / EffectiveHopLength);
    }
}
