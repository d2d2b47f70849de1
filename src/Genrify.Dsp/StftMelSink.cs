using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// Streams STFT frames straight into a mel spectrogram. Each block of <see cref="Stft.Block"/> frames becomes
/// |X|^power (as <see cref="Stft.Magnitude"/> computes it; for power 2 without the root, see
/// <see cref="SpectrumMath.InterleavedPowerTransposed8"/>), is transposed into a bins × Block scratch that stays in
/// L1 and is projected by the filter bank there. Why: the bins × frames spectrogram (2.6 MB for a 30 s clip at
/// n_fft 512) is then never written to memory and read back, which cost more than the projection itself.
/// </summary>
internal unsafe struct StftMelSink : Stft.ISink, IDisposable
{
    private readonly MelFilterBank _bank;
    private readonly Matrix _result;
    private readonly float _power;
    private readonly int _pitch;
    private readonly bool _toDb;
    private readonly float* _blocks; // dB destination in Block-frame tiles (see the second constructor), or null
    private float* _frames;     // Block frames × pitch: each frame's |X|^power contiguous
    private float* _transposed; // bins × Block
    private float* _mels;       // n_mels × Block, then one scratch row of Block

    /// <param name="bank">The filter bank (its n_fft is the STFT's).</param>
    /// <param name="result">n_mels × frames destination.</param>
    /// <param name="power">Exponent of |X| (2: power spectrogram).</param>
    /// <param name="toDb">Also turn each finished block into 10·log10(max(1e-10, mel)) while it is still in cache
    /// (power_to_db with ref 1 before its top_db clip, which needs <see cref="MaxDb"/> of the whole matrix).</param>
    public StftMelSink(MelFilterBank bank, Matrix result, float power, bool toDb = false)
    {
        _toDb = toDb;
        MaxDb = float.NegativeInfinity;
        _bank = bank;
        _result = result;
        _power = power;
        _pitch = (bank.Bins + 15) & ~15;
        nuint framesBytes = (nuint)(_pitch * Stft.Block * sizeof(float));
        nuint transposedBytes = (nuint)(bank.Bins * Stft.Block * sizeof(float));
        _frames = (float*)NativeMemory.AlignedAlloc(framesBytes, 64);
        _transposed = (float*)NativeMemory.AlignedAlloc(transposedBytes, 64);
        _mels = (float*)NativeMemory.AlignedAlloc((nuint)((bank.NMels + 1) * Stft.Block * sizeof(float)), 64); // + a scratch row
        NativeMemory.Clear(_frames, framesBytes); // frames past the last one of a short block stay zero
    }

    /// <summary>
    /// A sink that writes 10·log10(max(1e-10, mel)) of the power mel spectrogram in tiles rather than rows:
    /// block j (frames j·Block … j·Block + Block − 1) is n_mels × Block contiguous values at
    /// <paramref name="blocks"/> + j·n_mels·Block (frames past the end hold the −100 dB floor). Why: each block is then
    /// one contiguous write instead of n_mels scattered ones, and <see cref="Dct.Type2OrthoBlocks"/> reads it back in
    /// the same order.
    /// </summary>
    public StftMelSink(MelFilterBank bank, float* blocks) : this(bank, null!, 2f, toDb: true) => _blocks = blocks;

    /// <summary>The largest dB value written so far (when converting to dB).</summary>
    public float MaxDb { get; private set; }

    public void Write(int first, int count, double* spectra, int stride, int bins)
    {
        const int B = Stft.Block;
        if (_power == 2f)
        {
            // The common case (mel power spectrogram): squared magnitudes go straight into the bins × Block layout.
            // (frames past count in a short block become zero, i.e. silent, in both helpers)
            for (int b = 0; b < B; b += 8)
                SpectrumMath.InterleavedPowerTransposed8(spectra + (long)b * stride, stride, count - b, bins, _transposed + b, B);
            Project(first, count);
            return;
        }
        for (int b = 0; b < count; b++)
        {
            float* frame = _frames + b * _pitch;
            SpectrumMath.InterleavedHypot(spectra + (long)b * stride, bins, frame);
            if (_power == 1f) continue;
            var row = new Span<float>(frame, bins);
            if (_power == 2f) TensorPrimitives.Multiply(row, row, row);
            else TensorPrimitives.Pow(row, _power, row);
        }
        if (count < B) NativeMemory.Clear(_frames + count * _pitch, (nuint)((B - count) * _pitch * sizeof(float)));
        for (int k = 0; k < bins; k++)
        {
            float* d = _transposed + k * B;
            float* s = _frames + k;
            for (int b = 0; b < B; b++) d[b] = s[b * _pitch];
        }
        Project(first, count);
    }

    private void Project(int first, int count)
    {
        const int B = Stft.Block;
        _bank.ApplyBlock(_transposed, _mels);
        if (_toDb && (_blocks is not null || Vector256.IsHardwareAccelerated))
        {
            WriteDb(first, count);
            return;
        }
        if (_toDb)
        {
            // Padding frames of a short block are zero, i.e. the amin floor: they cannot raise the maximum.
            var all = new Span<float>(_mels, _result.Rows * B);
            MaxDb = Math.Max(MaxDb, Decibels.ScaledLog(all, all, MelSpectrogram.Amin, 0f));
        }
        int cols = _result.Columns;
        for (int m = 0; m < _result.Rows; m++)
            new ReadOnlySpan<float>(_mels + m * B, count).CopyTo(_result.Data.AsSpan(m * cols + first, count));
    }

    // 10·log10(max(amin, mel)) of the block, written straight into its tile or the result rows, with the running
    // maximum kept in a vector. Same values as Decibels.ScaledLog: ln · 10/ln 10 (VectorLog), and the amin floor gets
    // exactly log10's −100 dB. Padding frames of a short block sit at the floor: they cannot raise the maximum.
    private void WriteDb(int first, int count)
    {
        const int B = Stft.Block;
        int rows = _bank.NMels;
        float* tile = _blocks is null ? null : _blocks + (long)(first / B) * rows * B;
        float* row = _mels + rows * B; // scratch row after the block
        float max = MaxDb;
        if (Vector512.IsHardwareAccelerated)
        {
            // One 16-lane vector per mel row (Block = 16): half the instructions of two 8-lane ones.
            var vmax = Vector512.Create(max);
            for (int m = 0; m < rows; m++)
            {
                var v = Db(Vector512.Load(_mels + m * B));
                vmax = Vector512.MaxNative(vmax, v);
                v.Store(tile is null ? row : tile + m * B);
                if (tile is null) CopyToResult(row, m, first, count);
            }
            for (int j = 0; j < 16; j++) max = Math.Max(max, vmax[j]);
        }
        else
        {
            var vmax = Vector256.Create(max);
            for (int m = 0; m < rows; m++)
            {
                float* dst = tile is null ? row : tile + m * B;
                for (int h = 0; h < B; h += 8)
                {
                    var v = Db(Vector256.Load(_mels + m * B + h));
                    vmax = Vector256.MaxNative(vmax, v);
                    v.Store(dst + h);
                }
                if (tile is null) CopyToResult(row, m, first, count);
            }
            for (int j = 0; j < 8; j++) max = Math.Max(max, vmax[j]);
        }
        MaxDb = max;
    }

    private void CopyToResult(float* row, int m, int first, int count)
        => new ReadOnlySpan<float>(row, count).CopyTo(_result.Data.AsSpan(m * _result.Columns + first, count));

    private const float DbPerNeper = (float)(10 / 2.302585092994046); // 10 / ln 10

    // Out of line: the rare path should not weigh on the hot loop's registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeneralLog(Vector512<float> x) => Vector512.Log(x);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeneralLog(Vector256<float> x) => Vector256.Log(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Db(Vector512<float> mel)
    {
        var floor = Vector512.Create(MelSpectrogram.Amin);
        var x = Vector512.MaxNative(mel, floor);
        // An overflowed (infinite) power needs the general log; real audio never gets there.
        var ln = Vector512.GreaterThanAny(x, Vector512.Create(float.MaxValue)) ? GeneralLog(x) : VectorLog.LnPositiveNormal(x);
        return Vector512.ConditionalSelect(Vector512.Equals(x, floor), Vector512.Create(AminDb), ln * DbPerNeper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Db(Vector256<float> mel)
    {
        var floor = Vector256.Create(MelSpectrogram.Amin);
        var x = Vector256.MaxNative(mel, floor);
        var ln = Vector256.GreaterThanAny(x, Vector256.Create(float.MaxValue)) ? GeneralLog(x) : VectorLog.LnPositiveNormal(x);
        return Vector256.ConditionalSelect(Vector256.Equals(x, floor), Vector256.Create(AminDb), ln * DbPerNeper);
    }

    private static readonly float AminDb = 10f * MathF.Log10(MelSpectrogram.Amin); // exactly librosa's −100 dB

    public void Dispose()
    {
        NativeMemory.AlignedFree(_frames);
        NativeMemory.AlignedFree(_transposed);
        NativeMemory.AlignedFree(_mels);
        _mels = null;
        _frames = null;
        _transposed = null;
    }
}
