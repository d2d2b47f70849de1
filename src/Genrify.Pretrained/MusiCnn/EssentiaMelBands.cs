using Genrify.Dsp;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// The mel filter bank of Essentia's <c>MelBands</c> as MusiCNN's front end configures it: 96 bands over 0–8000 Hz on a
/// 257-bin power spectrum (FFT 512 at 16 kHz), <c>warpingFormula='slaneyMel'</c>, <c>weighting='linear'</c>,
/// <c>normalize='unit_tri'</c>.
/// <para>
/// Slaney mel (librosa's default scale, <see cref="MelScale"/>): m(f) = 3f/200 below 1000 Hz, else
/// 15 + ln(f/1000)/(ln 6.4/27). The 98 edges are
/// f_i = m⁻¹(i·Δ), i = 0..97, Δ = m(8000)/97, with the mel value accumulated in float32 (as Essentia does) and each
/// edge stored as float32. Bin j sits at b_j = 31.25·j Hz. Filter i (0..95) is the triangle over bins
/// ⌈f_i/31.25⌉ … ⌊f_{i+2}/31.25⌋: (b_j − f_i)/(f_{i+1} − f_i) below f_{i+1}, (f_{i+2} − b_j)/(f_{i+2} − f_{i+1}) from it
/// on, then divided by (f_{i+2} − f_i)/2 (unit_tri). band_i = Σ_j weight_ij · P[j].
/// </para>
/// </summary>
public sealed class EssentiaMelBands
{
    /// <summary>Number of bands.</summary>
    public const int Bands = 96;

    /// <summary>Number of spectrum bins (FFT 512 → 257).</summary>
    public const int Bins = 257;

    private const double BinHz = 8000.0 / (Bins - 1);

    private readonly int[] _firstBin = new int[Bands];
    private readonly double[][] _weights = new double[Bands][];

    /// <summary>The filter bank, built once.</summary>
    public static EssentiaMelBands Instance { get; } = new();

    private EssentiaMelBands()
    {
        double[] edges = Edges();
        for (int i = 0; i < Bands; i++)
        {
            double lo = edges[i], mid = edges[i + 1], hi = edges[i + 2];
            int first = (int)Math.Ceiling(lo / BinHz);
            int last = Math.Min(Bins - 1, (int)Math.Floor(hi / BinHz));
            double norm = (hi - lo) / 2;
            var w = new double[Math.Max(0, last - first + 1)];
            for (int j = first; j <= last; j++)
            {
                double b = j * BinHz;
                double tri = b < mid ? (b - lo) / (mid - lo) : (hi - b) / (hi - mid);
                w[j - first] = tri / norm;
            }
            _firstBin[i] = first;
            _weights[i] = w;
        }
    }

    /// <summary>Weight of bin <paramref name="bin"/> in band <paramref name="band"/> (0 outside the triangle).</summary>
    public double Weight(int band, int bin)
    {
        int k = bin - _firstBin[band];
        return k >= 0 && k < _weights[band].Length ? _weights[band][k] : 0;
    }

    /// <summary>Applies the bank to one power spectrum of <see cref="Bins"/> values, writing <see cref="Bands"/> band energies.</summary>
    public void Apply(ReadOnlySpan<double> power, Span<double> bands)
    {
        if (power.Length != Bins) throw new ArgumentException($"power spectrum must hold {Bins} bins.", nameof(power));
        if (bands.Length != Bands) throw new ArgumentException($"bands must hold {Bands} values.", nameof(bands));
        for (int i = 0; i < Bands; i++)
        {
            double[] w = _weights[i];
            var p = power.Slice(_firstBin[i], w.Length);
            double sum = 0;
            for (int k = 0; k < w.Length; k++) sum += w[k] * p[k];
            bands[i] = sum;
        }
    }

    /// <summary>The 98 band edges in Hz (float32 values, like Essentia's <c>_filterFrequencies</c>).</summary>
    internal static double[] Edges()
    {
        // Essentia keeps the mel bounds, the step and the running mel value in float32 ("Real").
        float high = (float)MelScale.HzToMel(8000.0);
        float step = high / (Bands + 1);
        var edges = new double[Bands + 2];
        float mel = 0f;
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = (float)MelScale.MelToHz(mel);
            mel += step;
        }
        return edges;
    }
}
