namespace Genrify.Dsp;

/// <summary>librosa.util.frame's frame count and parameter checks.</summary>
public static class Framing
{
    /// <summary>Number of whole frames in <paramref name="length"/> samples: 1 + (length − frame) / hop.</summary>
    public static int Count(int length, int frameLength, int hopLength)
    {
        Check(frameLength, hopLength);
        if (length < frameLength)
            throw new ArgumentException($"input is too short ({length} samples) for frame_length={frameLength}.");
        return 1 + (length - frameLength) / hopLength;
    }

    /// <summary>Throws unless frame and hop lengths are positive.</summary>
    public static void Check(int frameLength, int hopLength)
    {
        if (frameLength < 1) throw new ArgumentException($"frame_length must be positive (got {frameLength}).", nameof(frameLength));
        if (hopLength < 1) throw new ArgumentException($"hop_length must be positive (got {hopLength}).", nameof(hopLength));
    }
}
