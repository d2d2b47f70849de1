using System.Numerics.Tensors;

namespace Genrify.Dsp;

/// <summary>The study's short-time energy: Σy² over y[i : i + frameLength] for i = 0, hop, 2·hop, … (no padding, last frames partial).</summary>
public static class FrameEnergy
{
    /// <summary>1 × ceil(n / hop) energies.</summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int frameLength = 512, int hopLength = 256)
    {
        Framing.Check(frameLength, hopLength);
        if (y.IsEmpty) Signal.ValidateAudio(y);
        int frames = (y.Length + hopLength - 1) / hopLength;
        var result = new Matrix(1, frames);
        if (frameLength % hopLength == 0) SumHopBlocks(y, frameLength / hopLength, hopLength, result.Data);
        else
            for (int t = 0; t < frames; t++)
            {
                int start = t * hopLength;
                result.Data[t] = TensorPrimitives.SumOfSquares(y.Slice(start, Math.Min(frameLength, y.Length - start)));
            }
        // The frames cover every sample, so a NaN or infinite sample makes its energies non-finite: only then is the
        // separate validation pass over the signal needed (it also tells overflow of finite audio from bad input).
        if (!float.IsFinite(TensorPrimitives.MaxMagnitude(result.Data))) Signal.ValidateAudio(y);
        return result;
    }

    // When a frame is a whole number of hops (the seed preset's 512/256: two), each hop-long block's Σy² is computed
    // once and each frame adds its blocks: every sample is squared once instead of frameLength/hop times.
    private static void SumHopBlocks(ReadOnlySpan<float> y, int blocksPerFrame, int hop, float[] energies)
    {
        int frames = energies.Length;
        var blocks = new float[frames + blocksPerFrame - 1]; // past the end: zero
        for (int j = 0; j < frames; j++)
        {
            int start = j * hop;
            blocks[j] = TensorPrimitives.SumOfSquares(y.Slice(start, Math.Min(hop, y.Length - start)));
        }
        for (int t = 0; t < frames; t++)
        {
            float sum = blocks[t];
            for (int i = 1; i < blocksPerFrame; i++) sum += blocks[t + i];
            energies[t] = sum;
        }
    }
}
