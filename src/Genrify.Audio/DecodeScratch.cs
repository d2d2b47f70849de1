namespace Genrify.Audio;

/// <summary>
/// Working arrays that one decoding thread keeps from file to file: the interleaved frames libsndfile writes and
/// their mono mix. A batch of 30 s stereo clips then stops allocating ~16 MB of fresh pages per clip, which the
/// kernel has to zero (and two workers fault in through the same memory bus).
/// </summary>
/// <remarks>
/// Not thread-safe: one per worker, one file at a time. What <see cref="AudioLoader.Load"/> returns never aliases
/// these arrays: the resampled (or copied) output is always a fresh array. The arrays only grow, to the longest file
/// the worker has decoded (at most libsndfile's first-read cap of 2^24 samples plus what a longer file needs).
/// </remarks>
public sealed class DecodeScratch
{
    private float[] _interleaved = [];
    private float[] _mono = [];

    /// <summary>An array of at least <paramref name="length"/> samples for interleaved frames (stale contents).</summary>
    internal float[] Interleaved(int length)
    {
        if (_interleaved.Length < length) _interleaved = new float[length];
        return _interleaved;
    }

    /// <summary><paramref name="current"/> (this scratch's interleaved array) grown to <paramref name="length"/>, contents kept.</summary>
    internal float[] GrowInterleaved(float[] current, int length)
    {
        if (current.Length >= length) return current;
        Array.Resize(ref current, length);
        _interleaved = current;
        return current;
    }

    /// <summary>The first <paramref name="length"/> samples of the mono array (stale contents).</summary>
    internal Span<float> Mono(int length)
    {
        if (_mono.Length < length) _mono = new float[length];
        return _mono.AsSpan(0, length);
    }
}
