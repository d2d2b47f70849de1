using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>librosa.feature.rms: root-mean-square of each frame (1 × frames), from the waveform or from a spectrogram.</summary>
public static class Rms
{
    /// <summary>
    /// sqrt(mean(x²)) over frames of <paramref name="frameLength"/> samples every <paramref name="hopLength"/> (no window),
    /// after padding frameLength/2 samples on each side when <paramref name="center"/>.
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int frameLength = 2048, int hopLength = 512, bool center = true,
        PadMode padMode = PadMode.Constant)
    {
        Framing.Check(frameLength, hopLength);
        Signal.ValidateAudio(y);
        // The padding is virtual: frames inside the signal are slices of it, the few that reach into the padding are
        // gathered into one small buffer (a padded copy of a 30 s clip would be 2.6 MB per call).
        int half = center ? frameLength / 2 : 0;
        int frames = Framing.Count(checked(y.Length + 2 * half), frameLength, hopLength);
        float[]? edge = null;
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            long start = (long)t * hopLength - half;
            ReadOnlySpan<float> frame;
            if (start >= 0 && start + frameLength <= y.Length)
                frame = y.Slice((int)start, frameLength);
            else
            {
                edge ??= new float[frameLength];
                Padding.CopyFrame(y, start, edge, padMode);
                frame = edge;
            }
            float sumSq = TensorPrimitives.SumOfSquares(frame);
            result.Data[t] = (float)Math.Sqrt(sumSq / (double)frameLength);
        }
        return result;
    }

    /// <summary>
    /// RMS from a magnitude spectrogram of <paramref name="frameLength"/>-point frames (librosa's S branch):
    /// sqrt(2·Σ|S|² / frameLength²) with the DC bin (and the Nyquist bin for even frames) counted half.
    /// </summary>
    public static Matrix FromSpectrogram(Matrix s, int frameLength = 2048)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (frameLength < 1) throw new ArgumentException($"frame_length must be positive (got {frameLength}).", nameof(frameLength));
        if (s.Rows != frameLength / 2 + 1)
            throw new ArgumentException($"spectrogram has {s.Rows} bins; frame_length {frameLength} needs {frameLength / 2 + 1}.", nameof(s));
        int frames = s.Columns;
        var sum = new double[frames];
        var row2 = new float[frames];
        for (int k = 0; k < s.Rows; k++)
        {
            TensorPrimitives.Multiply(s.Row(k), s.Row(k), row2);
            bool half = k == 0 || (k == s.Rows - 1 && frameLength % 2 == 0);
            for (int t = 0; t < frames; t++) sum[t] += half ? row2[t] * 0.5f : row2[t];
        }
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++) result.Data[t] = (float)Math.Sqrt(2 * sum[t] / ((double)frameLength * frameLength));
        return result;
    }

    /// <summary>
    /// <see cref="Compute"/> (centred, zero padding) from <paramref name="energy"/>, the <see cref="FrameEnergy"/> of the
    /// same signal with the same frame and hop. Why it is the same sum: centred frame t covers y[t·hop − L/2, t·hop + L/2),
    /// which is energy frame t − L/(2·hop) once that index is ≥ 0 (zero padding on the right adds nothing, and the last
    /// energy frames are cut short the same way); only the first frames, which reach into the left padding, are summed
    /// here. This saves the padded copy of the signal and a second pass over it. Needs L/2 to be a multiple of hop.
    /// </summary>
    public static Matrix FromFrameEnergy(ReadOnlySpan<float> y, Matrix energy, int frameLength, int hopLength)
    {
        ArgumentNullException.ThrowIfNull(energy);
        Framing.Check(frameLength, hopLength);
        int half = frameLength / 2;
        if (half < hopLength || half % hopLength != 0)
            throw new ArgumentException($"frame_length/2 ({half}) must be a positive multiple of hop_length ({hopLength}).", nameof(frameLength));
        int energyFrames = (y.Length + hopLength - 1) / hopLength;
        if (energy.Rows != 1 || energy.Columns != energyFrames)
            throw new ArgumentException($"energy must be 1 × {energyFrames} for {y.Length} samples (got {energy.Rows} × {energy.Columns}).", nameof(energy));
        int shift = half / hopLength;
        int frames = Framing.Count(y.Length + 2 * half, frameLength, hopLength);
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            float sumSq = t >= shift
                ? energy.Data[t - shift]
                : TensorPrimitives.SumOfSquares(y[..Math.Min(y.Length, t * hopLength + half)]);
            result.Data[t] = (float)Math.Sqrt(sumSq / (double)frameLength);
        }
        return result;
    }
}
