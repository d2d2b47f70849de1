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
        float[]? padded = center ? Padding.Pad(y, frameLength / 2, frameLength / 2, padMode) : null;
        ReadOnlySpan<float> x = padded ?? y;
        int frames = Framing.Count(x.Length, frameLength, hopLength);
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            float sumSq = TensorPrimitives.SumOfSquares(x.Slice(t * hopLength, frameLength));
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
}
