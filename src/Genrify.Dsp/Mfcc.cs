namespace Genrify.Dsp;

/// <summary>librosa.feature.mfcc: DCT-II (orthonormal) of the log-power mel spectrogram, optionally liftered.</summary>
public static class Mfcc
{
    /// <summary>
    /// MFCCs of <paramref name="y"/> (n_mfcc × frames): power_to_db(melspectrogram, ref 1, top_db 80) then
    /// <see cref="FromLogMel"/>. Mel parameters and STFT defaults are librosa's (n_fft 2048, hop 512 unless set, 128 bands).
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, int nMfcc = 20, StftOptions? stft = null,
        int nMels = 128, float fMin = 0, float? fMax = null, bool htk = false, MelNorm norm = MelNorm.Slaney, int lifter = 0)
    {
        if (nMfcc < 1 || nMfcc > nMels) throw new ArgumentException($"n_mfcc must be in [1, n_mels={nMels}] (got {nMfcc}).", nameof(nMfcc));
        if (lifter < 0) throw new ArgumentException($"lifter must be a non-negative number (got {lifter}).", nameof(lifter));
        // dB conversion fused into the mel pass, kept in tiles of frames that the DCT reads back in order, with
        // power_to_db's top_db clip applied as the DCT loads each value: the same values as
        // FromLogMel(PowerToDb(melspectrogram)) without the n_mels × frames matrix and its separate clip pass.
        var (blocks, frames, maxDb) = MelSpectrogram.ComputeDbBlocks(y, sampleRate, stft, nMels, fMin, fMax, htk, norm);
        Matrix m;
        unsafe
        {
            try
            {
                m = Dct.Type2OrthoBlocks((float*)blocks, frames, nMels, nMfcc, maxDb - TopDb);
            }
            finally
            {
                System.Runtime.InteropServices.NativeMemory.AlignedFree((void*)blocks);
            }
        }
        Lifter(m, lifter);
        return m;
    }

    private const float TopDb = 80f;

    /// <summary>
    /// MFCCs from a log-power mel spectrogram (n_mels × frames): the first <paramref name="nMfcc"/> orthonormal DCT-II
    /// coefficients, multiplied by <c>1 + (lifter/2)·sin(π(i+1)/lifter)</c> when <paramref name="lifter"/> &gt; 0.
    /// </summary>
    public static Matrix FromLogMel(Matrix logMel, int nMfcc = 20, int lifter = 0)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (lifter < 0) throw new ArgumentException($"lifter must be a non-negative number (got {lifter}).", nameof(lifter));
        var m = Dct.Type2Ortho(logMel, nMfcc);
        Lifter(m, lifter);
        return m;
    }

    private static void Lifter(Matrix m, int lifter)
    {
        if (lifter <= 0) return;
        for (int i = 0; i < m.Rows; i++)
        {
            float li = 1f + lifter / 2f * MathF.Sin(MathF.PI * (i + 1) / lifter);
            System.Numerics.Tensors.TensorPrimitives.Multiply(m.Row(i), li, m.Row(i));
        }
    }
}
