using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>Input checks shared by every function that takes a waveform (librosa.util.valid_audio).</summary>
public static class Signal
{
    /// <summary>Throws <see cref="ArgumentException"/> if <paramref name="y"/> is empty or holds a NaN or infinity.</summary>
    public static void ValidateAudio(ReadOnlySpan<float> y)
    {
        if (y.IsEmpty) throw new ArgumentException("audio signal is empty.", nameof(y));
        // MaxMagnitude propagates NaN and returns +inf if any sample is infinite: one vectorised pass.
        if (!float.IsFinite(TensorPrimitives.MaxMagnitude(y)))
            throw new ArgumentException("audio signal is not finite everywhere (NaN or infinity).", nameof(y));
    }
}
