using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>The study's short-time energy: Σy² over y[i : i + frameLength] for i = 0, hop, 2·hop, … (no padding, last frames partial).</summary>
public static class FrameEnergy
{
    /// <summary>1 × ceil(n / hop) energies.</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int frameLength = 512, int hopLength = 256)
    {
        Framing.Check(frameLength, hopLength);
        Signal.ValidateAudio(y);
        int frames = (y.Length + hopLength - 1) / hopLength;
        var result = new Matrix(1, frames);
        for (int t = 0; t < frames; t++)
        {
            int start = t * hopLength;
            result.Data[t] = TensorPrimitives.SumOfSquares(y.Slice(start, Math.Min(frameLength, y.Length - start)));
        }
        return result;
    }
}
