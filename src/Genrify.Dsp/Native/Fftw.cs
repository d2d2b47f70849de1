namespace Genrify.Dsp.Native;

/// <summary>FFTW 3's planner flags (the same in every precision; <see cref="FftwDouble"/> is the one Genrify uses).</summary>
internal static class Fftw
{
    /// <summary>FFTW_ESTIMATE: pick a plan by heuristics, without timing runs (planning is instant and leaves the arrays alone).</summary>
    public const uint Estimate = 1u << 6;

    /// <summary>FFTW_UNALIGNED: the plan makes no alignment assumption, so it may be executed on any array.</summary>
    public const uint Unaligned = 1u << 1;

    /// <summary>FFTW_MEASURE (flags 0): time candidate plans; slow (150–300 ms per size), used only to make wisdom.</summary>
    public const uint Measure = 0;

    /// <summary>FFTW_DESTROY_INPUT (the default for c2r): the input may be overwritten.</summary>
    public const uint DestroyInput = 1u << 0;
}
