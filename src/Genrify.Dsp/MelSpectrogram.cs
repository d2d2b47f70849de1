using System.Runtime.InteropServices;

namespace Genrify.Dsp;

/// <summary>librosa.feature.melspectrogram: |STFT|^power projected onto a mel filter bank.</summary>
public static class MelSpectrogram
{
    /// <summary>
    /// Mel spectrogram of <paramref name="y"/> (n_mels × frames). Defaults are librosa's: n_fft 2048, hop 512, centred
    /// with zero padding (hop 512 unless set, as librosa's melspectrogram), power 2, 128 Slaney-normalised Slaney-scale bands from 0 Hz to sr/2.
    /// </summary>
    public static Matrix Compute(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft = null, int nMels = 128,
        float fMin = 0, float? fMax = null, bool htk = false, MelNorm norm = MelNorm.Slaney, float power = 2f)
    {
        stft = (stft ?? StftOptions.Default).WithFeatureHop();
        var bank = MelFilterBank.Create(sampleRate, stft.NFft, nMels, fMin, fMax, htk, norm);
        if (!(power > 0) || !float.IsFinite(power)) throw new ArgumentException($"power must be positive and finite (got {power}).", nameof(power));
        // The projection runs block by block inside the STFT (StftMelSink): same values as bank.Apply(Stft.Magnitude(...)).
        int frames = Stft.Prepare(y, stft);
        var result = new Matrix(nMels, frames);
        var sink = new StftMelSink(bank, result, power);
        try
        {
            Stft.Run(y, stft, frames, ref sink);
        }
        finally
        {
            sink.Dispose();
        }
        return result;
    }

    /// <summary>Mel projection of a precomputed (bins × frames) magnitude or power spectrogram.</summary>
    public static Matrix FromPower(Matrix power, MelFilterBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return bank.Apply(power);
    }

    /// <summary>power_to_db's default amin.</summary>
    internal const float Amin = 1e-10f;

    /// <summary>
    /// <c>power_to_db(melspectrogram(...), ref=1, amin=1e-10, top_db=80)</c> (MFCC's input) in one pass: each block of
    /// frames is converted to dB right after its projection, while it is still in cache; only the top_db clip, which
    /// needs the maximum of the whole matrix, runs afterwards. Values equal <see cref="Decibels.PowerToDb(Matrix, float, float, float?)"/> on <see cref="Compute"/>.
    /// </summary>
    public static Matrix ComputeDb(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft, int nMels, float fMin, float? fMax, bool htk, MelNorm norm)
    {
        const float TopDb = 80f;
        stft = (stft ?? StftOptions.Default).WithFeatureHop();
        var bank = MelFilterBank.Create(sampleRate, stft.NFft, nMels, fMin, fMax, htk, norm);
        int frames = Stft.Prepare(y, stft);
        var result = new Matrix(nMels, frames);
        var sink = new StftMelSink(bank, result, 2f, toDb: true);
        try
        {
            Stft.Run(y, stft, frames, ref sink);
        }
        finally
        {
            sink.Dispose();
        }
        Decibels.ClipBelow(result.Data, sink.MaxDb - TopDb);
        return result;
    }

    /// <summary>
    /// As <see cref="ComputeDb"/> before the top_db clip, in <see cref="StftMelSink"/>'s tiles of <see cref="Stft.Block"/>
    /// frames (n_mels × Block each, contiguous) in a native buffer the caller frees with NativeMemory.AlignedFree;
    /// returns the frame count and the largest dB value (the clip is <c>max − 80</c>).
    /// </summary>
    internal static unsafe (IntPtr Blocks, int Frames, float MaxDb) ComputeDbBlocks(ReadOnlySpan<float> y, int sampleRate, StftOptions? stft,
        int nMels, float fMin, float? fMax, bool htk, MelNorm norm)
    {
        stft = (stft ?? StftOptions.Default).WithFeatureHop();
        var bank = MelFilterBank.Create(sampleRate, stft.NFft, nMels, fMin, fMax, htk, norm);
        int frames = Stft.Prepare(y, stft);
        int blockCount = (frames + Stft.Block - 1) / Stft.Block;
        var blocks = (float*)NativeMemory.AlignedAlloc((nuint)blockCount * (nuint)nMels * Stft.Block * sizeof(float), 64);
        var sink = new StftMelSink(bank, blocks);
        try
        {
            Stft.Run(y, stft, frames, ref sink);
        }
        catch
        {
            NativeMemory.AlignedFree(blocks);
            throw;
        }
        finally
        {
            sink.Dispose();
        }
        return ((IntPtr)blocks, frames, sink.MaxDb);
    }
}
