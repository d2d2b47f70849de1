namespace Genrify.Dsp;

/// <summary>How a signal is extended past its ends (numpy.pad modes that librosa uses).</summary>
public enum PadMode
{
    /// <summary>Zeros (librosa's STFT default since 0.10).</summary>
    Constant,
    /// <summary>Repeat the edge sample (zero_crossing_rate's padding).</summary>
    Edge,
    /// <summary>Mirror without repeating the edge sample: <c>d c b | a b c d | c b a</c>.</summary>
    Reflect,
}
