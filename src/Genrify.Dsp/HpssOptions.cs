namespace Genrify.Dsp;

/// <summary>Parameters of <see cref="Hpss"/>, with librosa.decompose.hpss's defaults.</summary>
public sealed record HpssOptions
{
    /// <summary>Shared default instance (kernels 31, power 2, margins 1).</summary>
    public static readonly HpssOptions Default = new();

    /// <summary>Median filter length along time (harmonic), librosa <c>kernel_size[0]</c>.</summary>
    public int HarmonicKernel { get; init; } = 31;

    /// <summary>Median filter length along frequency (percussive), librosa <c>kernel_size[1]</c>.</summary>
    public int PercussiveKernel { get; init; } = 31;

    /// <summary>Soft-mask exponent; +∞ gives hard (binary) masks.</summary>
    public float Power { get; init; } = 2f;

    /// <summary>Harmonic margin (≥ 1); larger values leave more energy in neither component.</summary>
    public float HarmonicMargin { get; init; } = 1f;

    /// <summary>Percussive margin (≥ 1).</summary>
    public float PercussiveMargin { get; init; } = 1f;

    /// <summary>Throws <see cref="ArgumentException"/> for invalid settings.</summary>
    public void Validate()
    {
        if (HarmonicKernel < 1 || PercussiveKernel < 1)
            throw new ArgumentException($"HPSS kernel sizes must be positive (got {HarmonicKernel}, {PercussiveKernel}).");
        if (!(Power > 0)) throw new ArgumentException($"HPSS power must be strictly positive (got {Power}).");
        if (!(HarmonicMargin >= 1) || !(PercussiveMargin >= 1))
            throw new ArgumentException($"HPSS margins must be >= 1 (got {HarmonicMargin}, {PercussiveMargin}).");
    }
}
