using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>The float32-frame × float64-window product librosa's STFT computes (numpy promotes it to float64).</summary>
internal static class Windowing
{
    /// <summary>destination[i] = (double)frame[i] · window[i].</summary>
    public static void MultiplyWiden(ReadOnlySpan<float> frame, ReadOnlySpan<double> window, Span<double> destination)
    {
        if (window.Length < frame.Length || destination.Length < frame.Length)
            throw new ArgumentException("window and destination must be at least as long as the frame.");
        // Refs rather than slices: this runs once per STFT frame (2585 times per seed clip), and the per-slice
        // bounds checks cost as much as the arithmetic.
        ref float f = ref MemoryMarshal.GetReference(frame);
        ref double w = ref MemoryMarshal.GetReference(window);
        ref double d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= frame.Length - 16; i += 16)
            {
                var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref f, (nuint)i));
                (lo * Vector512.LoadUnsafe(ref w, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
                (hi * Vector512.LoadUnsafe(ref w, (nuint)i + 8)).StoreUnsafe(ref d, (nuint)i + 8);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= frame.Length - 8; i += 8)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref f, (nuint)i));
                (lo * Vector256.LoadUnsafe(ref w, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
                (hi * Vector256.LoadUnsafe(ref w, (nuint)i + 4)).StoreUnsafe(ref d, (nuint)i + 4);
            }
        }
        for (; i < frame.Length; i++) destination[i] = frame[i] * window[i];
    }
}
