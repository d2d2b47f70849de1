using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>
/// A mel filter bank as librosa.filters.mel builds it (float64 triangles cast to float32, Slaney or HTK scale),
/// stored sparsely: each filter keeps only its non-zero run of bins, so applying it costs about two multiply-adds per bin.
/// </summary>
public sealed unsafe class MelFilterBank
{
    private static readonly ConcurrentDictionary<(int, int, int, float, float?, bool, MelNorm), MelFilterBank> Cache = new();

    private readonly int[] _firstBin;
    private readonly float[][] _weights;

    private MelFilterBank(int sampleRate, int nFft, int nMels, double fMin, double fMax, bool htk, MelNorm norm)
    {
        SampleRate = sampleRate;
        NFft = nFft;
        NMels = nMels;
        FMin = fMin;
        FMax = fMax;
        Htk = htk;
        Norm = norm;
        Bins = 1 + nFft / 2;
        Weights = new Matrix(nMels, Bins);

        double[] fftFreqs = Stft.FftFrequencies(sampleRate, nFft);
        double[] melF = MelScale.MelFrequencies(nMels + 2, fMin, fMax, htk);
        _firstBin = new int[nMels];
        _weights = new float[nMels][];
        for (int m = 0; m < nMels; m++)
        {
            double lowDiff = melF[m + 1] - melF[m], highDiff = melF[m + 2] - melF[m + 1];
            double enorm = norm == MelNorm.Slaney ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            var row = Weights.Row(m);
            int first = -1, last = -1;
            for (int k = 0; k < Bins; k++)
            {
                double lower = -(melF[m] - fftFreqs[k]) / lowDiff;
                double upper = (melF[m + 2] - fftFreqs[k]) / highDiff;
                // librosa stores the triangle as float32, then multiplies by the float64 norm and stores float32 again.
                float w = (float)Math.Max(0.0, Math.Min(lower, upper));
                if (norm == MelNorm.Slaney) w = (float)(w * enorm);
                row[k] = w;
                if (w != 0f)
                {
                    if (first < 0) first = k;
                    last = k;
                }
            }
            _firstBin[m] = Math.Max(first, 0);
            _weights[m] = first < 0 ? [] : row.Slice(first, last - first + 1).ToArray();
        }
    }

    /// <summary>
    /// The (cached) filter bank for these parameters: librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm).
    /// <paramref name="fMax"/> null means sr/2.
    /// </summary>
    public static MelFilterBank Create(int sampleRate, int nFft, int nMels = 128, float fMin = 0, float? fMax = null,
        bool htk = false, MelNorm norm = MelNorm.Slaney)
    {
        if (sampleRate <= 0) throw new ArgumentException($"sample rate must be positive (got {sampleRate}).", nameof(sampleRate));
        if (nFft < 1) throw new ArgumentException($"n_fft must be positive (got {nFft}).", nameof(nFft));
        if (nMels < 1) throw new ArgumentException($"n_mels must be positive (got {nMels}).", nameof(nMels));
        if (!(fMin >= 0) || !float.IsFinite(fMin)) throw new ArgumentException($"fmin must be a finite non-negative frequency (got {fMin}).", nameof(fMin));
        if (fMax is { } hi && (!(hi > fMin) || !float.IsFinite(hi)))
            throw new ArgumentException($"fmax must be finite and above fmin (got {hi}).", nameof(fMax));
        if (!Enum.IsDefined(norm)) throw new ArgumentException($"unknown mel norm {norm}.", nameof(norm));
        return Cache.GetOrAdd((sampleRate, nFft, nMels, fMin, fMax, htk, norm),
            k => new MelFilterBank(k.Item1, k.Item2, k.Item3, k.Item4, k.Item5 ?? k.Item1 / 2.0, k.Item6, k.Item7));
    }

    /// <summary>Sample rate of the signal, Hz (librosa's <c>sr</c>).</summary>
    public int SampleRate { get; }

    /// <summary>FFT length the bank is built for (librosa's <c>n_fft</c>).</summary>
    public int NFft { get; }

    /// <summary>Number of mel bands (librosa's <c>n_mels</c>).</summary>
    public int NMels { get; }

    /// <summary>Lowest frequency, Hz (librosa's <c>fmin</c>).</summary>
    public double FMin { get; }

    /// <summary>Highest frequency, Hz (librosa's <c>fmax</c>; sr/2 when none was given).</summary>
    public double FMax { get; }

    /// <summary>Whether the HTK mel formula is used instead of Slaney's (librosa's <c>htk</c>).</summary>
    public bool Htk { get; }

    /// <summary>How each triangle is normalised (librosa's <c>norm</c>).</summary>
    public MelNorm Norm { get; }

    /// <summary>Number of STFT bins the bank expects, <c>1 + NFft/2</c>.</summary>
    public int Bins { get; }

    /// <summary>The dense float32 weights (n_mels × bins), exactly librosa's matrix. Do not modify.</summary>
    public Matrix Weights { get; }

    /// <summary>
    /// Mel projection of a (bins × frames) spectrogram: <c>weights @ spectrogram</c> (n_mels × frames), float32,
    /// touching only the non-zero weights.
    /// </summary>
    public Matrix Apply(Matrix spectrogram)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (spectrogram.Rows != Bins)
            throw new ArgumentException($"spectrogram has {spectrogram.Rows} bins, the filter bank expects {Bins} (n_fft {NFft}).", nameof(spectrogram));
        var result = new Matrix(NMels, spectrogram.Columns);
        for (int m = 0; m < NMels; m++)
        {
            var dst = result.Row(m);
            var w = _weights[m];
            int k0 = _firstBin[m];
            for (int j = 0; j < w.Length; j++)
                TensorPrimitives.MultiplyAdd(spectrogram.Row(k0 + j), w[j], dst, dst);
        }
        return result;
    }

    /// <summary>
    /// <see cref="Apply"/> on one block of <see cref="Stft.Block"/> frames laid out bins × Block (each bin's frames
    /// contiguous): writes <paramref name="mels"/> as n_mels × Block. Same multiply-then-add order as
    /// <see cref="Apply"/>, so the values are identical.
    /// </summary>
    internal void ApplyBlock(float* block, float* mels)
    {
        const int B = Stft.Block;
        if (Vector512.IsHardwareAccelerated)
        {
            // A block row of 16 frames is one vector where AVX-512 exists: the same sums with half the instructions.
            for (int m = 0; m < NMels; m++)
            {
                var w = _weights[m];
                float* src = block + (long)_firstBin[m] * B;
                var a = Vector512<float>.Zero;
                for (int j = 0; j < w.Length; j++, src += B) a += Vector512.Load(src) * Vector512.Create(w[j]);
                a.Store(mels + m * B);
            }
            return;
        }
        for (int m = 0; m < NMels; m++)
        {
            var w = _weights[m];
            float* src = block + (long)_firstBin[m] * B;
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (int j = 0; j < w.Length; j++, src += B)
            {
                var wj = Vector256.Create(w[j]);
                a0 += Vector256.Load(src) * wj;
                a1 += Vector256.Load(src + 8) * wj;
            }
            a0.Store(mels + m * B);
            a1.Store(mels + m * B + 8);
        }
    }
}
