using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>The float32-frame × float64-window product librosa's STFT computes (numpy promotes it to float64).</summary>
internal static class Windowing
{
    /// <summary>destination[i] = (double)frame[i] · window[i].</summary>
    public static void MultiplyWiden(ReadOnlySpan<float> frame, ReadOnlySpan<double> window, Span<double> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= frame.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Create(frame.Slice(i, 8)));
                (lo * Vector256.Create(window.Slice(i, 4))).CopyTo(destination.Slice(i, 4));
                (hi * Vector256.Create(window.Slice(i + 4, 4))).CopyTo(destination.Slice(i + 4, 4));
            }
        }
        for (; i < frame.Length; i++) destination[i] = frame[i] * window[i];
    }
}
