namespace Genrify.Dsp;

/// <summary>Parameters of <see cref="Istft"/>, with librosa.istft's defaults (window is always a periodic Hann).</summary>
public sealed record IstftOptions
{
    /// <summary>Shared default instance.</summary>
    public static readonly IstftOptions Default = new();

    /// <summary>FFT size; null means <c>2·(bins − 1)</c>.</summary>
    public int? NFft { get; init; }

    /// <summary>Samples between frames; null means <c>WinLength / 4</c>.</summary>
    public int? HopLength { get; init; }

    /// <summary>Window length; null means NFft.</summary>
    public int? WinLength { get; init; }

    /// <summary>The frames were centred (the STFT padded the signal by n_fft/2 on each side).</summary>
    public bool Center { get; init; } = true;

    /// <summary>If set, the output is trimmed or zero-padded to exactly this many samples.</summary>
    public int? Length { get; init; }
}
