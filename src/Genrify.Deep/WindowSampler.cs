using Genrify.Dsp;

namespace Genrify.Deep;

/// <summary>
/// Cuts fixed-length windows out of log-mel matrices into a flat [batch, mels, frames] buffer, standardised per band.
/// Training windows are random crops with light augmentation (gain offset, one frequency mask, one time mask);
/// inference windows tile the clip with half-window overlap so every frame is seen.
/// </summary>
internal static class WindowSampler
{
    private const float MaxGainDb = 6f;
    private const double MaskProbability = 0.5;

    /// <summary>Start frames of the inference windows of a clip of <paramref name="frames"/> frames.</summary>
    public static List<int> TileStarts(int frames, int window)
    {
        var starts = new List<int>();
        if (frames <= window) { starts.Add(0); return starts; }
        int hop = Math.Max(1, window / 2);
        for (int s = 0; s + window <= frames; s += hop) starts.Add(s);
        if (starts[^1] + window < frames) starts.Add(frames - window); // cover the tail
        return starts;
    }

    /// <summary>
    /// Writes one window (frames start..start+window of <paramref name="logMel"/>, wrapping around when the clip
    /// is shorter) into <paramref name="destination"/> ([mels, window] row-major), standardised.
    /// </summary>
    public static void Write(Matrix logMel, int start, int window, BandNormaliser norm, Span<float> destination,
                             float gainDb = 0f)
    {
        int frames = logMel.Columns;
        for (int b = 0; b < logMel.Rows; b++)
        {
            var row = logMel.Row(b);
            var dst = destination.Slice(b * window, window);
            float mu = norm.Mean[b] - gainDb, scale = norm.Scale[b];
            if (start + window <= frames)
            {
                var src = row.Slice(start, window);
                for (int t = 0; t < window; t++) dst[t] = (src[t] - mu) * scale;
            }
            else
            {
                for (int t = 0; t < window; t++) dst[t] = (row[(start + t) % frames] - mu) * scale;
            }
        }
    }

    /// <summary>A random training window with augmentation.</summary>
    public static void WriteAugmented(Matrix logMel, int window, BandNormaliser norm, Random rng, Span<float> destination)
    {
        int start = logMel.Columns > window ? rng.Next(logMel.Columns - window + 1) : rng.Next(logMel.Columns);
        float gain = (float)(rng.NextDouble() * 2 - 1) * MaxGainDb;
        Write(logMel, start, window, norm, destination, gain);
        int mels = logMel.Rows;
        if (rng.NextDouble() < MaskProbability)
        {
            int width = rng.Next(1, Math.Max(2, mels / 10) + 1);
            int from = rng.Next(Math.Max(1, mels - width + 1));
            destination.Slice(from * window, Math.Min(width, mels - from) * window).Clear(); // 0 = band mean
        }
        if (rng.NextDouble() < MaskProbability)
        {
            int width = rng.Next(1, Math.Max(2, window / 10) + 1);
            int from = rng.Next(Math.Max(1, window - width + 1));
            int w = Math.Min(width, window - from);
            for (int b = 0; b < mels; b++) destination.Slice(b * window + from, w).Clear();
        }
    }
}
