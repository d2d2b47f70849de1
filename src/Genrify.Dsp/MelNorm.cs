namespace Genrify.Dsp;

/// <summary>Normalisation of mel filters (librosa.filters.mel's norm argument).</summary>
public enum MelNorm
{
    /// <summary>No normalisation: triangles peak at 1.</summary>
    None,
    /// <summary>Slaney's area normalisation: each triangle is scaled by 2/(f_high − f_low) (librosa's default).</summary>
    Slaney,
}
