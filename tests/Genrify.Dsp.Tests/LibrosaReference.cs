using System.Collections.Concurrent;
using System.Text.Json;
using Genrify.Audio;
using Genrify.Dsp;
using Genrify.Tests.Shared;

namespace Genrify.Dsp.Tests;

/// <summary>
/// Reads the librosa 0.11 reference JSON (tests/data/librosa/CLIP.json) and compares our matrices with it using the
/// fixtures README's tolerances. Shared by every DSP parity test. The JSON is written by scripts/librosa_make_ref.py.
/// </summary>
public sealed class LibrosaReference
{
    private static readonly ConcurrentDictionary<string, LibrosaReference> Cache = new();
    private static readonly ConcurrentDictionary<string, float[]> AudioCache = new();

    /// <summary>The 22050 Hz lossless clips: decoded samples equal librosa's bit for bit, so every DSP difference is ours.</summary>
    public static readonly string[] LosslessClips =
        ["clip01_chord_tones.wav", "clip04_click_90.wav", "clip08_pink_am.wav", "clip09_edm_128.wav"];

    private LibrosaReference(string clip, JsonElement root)
    {
        Clip = clip;
        Root = root;
    }

    /// <summary>Clip file name (with extension).</summary>
    public string Clip { get; }

    /// <summary>The whole JSON document.</summary>
    public JsonElement Root { get; }

    /// <summary>Number of samples librosa decoded at 22050 Hz.</summary>
    public int Samples => Root.GetProperty("decode").GetProperty("samples").GetInt32();

    /// <summary>Loads (once) the reference of <paramref name="clip"/>.</summary>
    public static LibrosaReference Load(string clip) => Cache.GetOrAdd(clip, c =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(TestData.LibrosaReference(c)));
        return new LibrosaReference(c, doc.RootElement.Clone());
    });

    /// <summary>The clip's samples at its native rate (decoded once per test run).</summary>
    public static float[] Audio(string clip) => AudioCache.GetOrAdd(clip, c => AudioLoader.LoadNative(TestData.Audio(c)).Samples);

    /// <summary>A dotted path into the JSON, e.g. "default.mel_db" or "extras.spectral_contrast".</summary>
    public JsonElement Element(string path)
    {
        var e = Root;
        foreach (var part in path.Split('.')) e = e.GetProperty(part);
        return e;
    }

    /// <summary>Whether the dotted path exists.</summary>
    public bool Has(string path)
    {
        var e = Root;
        foreach (var part in path.Split('.'))
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e)) return false;
        return true;
    }

    /// <summary>The stats and raw frames of a frame-level feature (e.g. "default.mfcc").</summary>
    public FeatureReference Feature(string path) => FeatureReference.From(path, Element(path));

    /// <summary>A scalar of the GTZAN block (e.g. "rms_mean", "mfcc3_var").</summary>
    public double Gtzan(string column) => Element("gtzan").GetProperty(column).GetDouble();
}

/// <summary>Reference statistics (per row over frames) and raw columns of one feature matrix.</summary>
public sealed class FeatureReference
{
    public required string Name { get; init; }
    public double[]? Mean { get; init; }
    public double[]? Var { get; init; }
    public double[]? Min { get; init; }
    public double[]? Max { get; init; }
    public int? Frames { get; init; }

    /// <summary>Raw columns by frame index (full columns; for stft_mag only the first 64 bins).</summary>
    public required IReadOnlyDictionary<int, double[]> Raw { get; init; }

    /// <summary>max|value| of row <paramref name="row"/> over all frames (from min/max stats), the scale of its absolute floor.</summary>
    public double RowScale(int row) => Max is null || Min is null ? double.NaN : Math.Max(Math.Abs(Max[row]), Math.Abs(Min[row]));

    public static FeatureReference From(string name, JsonElement e)
    {
        static double[] Doubles(JsonElement a) => a.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
        var raw = new Dictionary<int, double[]>();
        if (e.TryGetProperty("raw", out var r))
            foreach (var p in r.EnumerateObject()) raw[int.Parse(p.Name)] = Doubles(p.Value);
        if (!e.TryGetProperty("stats", out var s))
            return new FeatureReference { Name = name, Raw = raw };
        return new FeatureReference
        {
            Name = name,
            Mean = Doubles(s.GetProperty("mean")),
            Var = Doubles(s.GetProperty("var")),
            Min = Doubles(s.GetProperty("min")),
            Max = Doubles(s.GetProperty("max")),
            Frames = s.GetProperty("frames").GetInt32(),
            Raw = raw,
        };
    }
}

/// <summary>Worst errors found by <see cref="Parity.Check"/>, as fractions of the tolerance and as relative errors.</summary>
public sealed record ParityReport(string Name, double WorstMeanRel, double WorstVarRel, double WorstRawRel, double WorstRatio, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"{Name}: mean rel {WorstMeanRel:E2}, var rel {WorstVarRel:E2}, raw rel {WorstRawRel:E2}, worst error/tolerance {WorstRatio:F3}";
}

/// <summary>Comparison with the librosa reference under the fixtures README's tolerances.</summary>
public static class Parity
{
    /// <summary>Summary means: relative 1e-4.</summary>
    public const double MeanRtol = 1e-4;

    /// <summary>Variances and raw frame values: relative 1e-3.</summary>
    public const double RawRtol = 1e-3;

    /// <summary>
    /// Compares <paramref name="actual"/> (rows × frames) with <paramref name="expected"/>: frame count, per-row mean
    /// (1e-4 relative, absolute floor 1e-4·max|row|), per-row population variance (1e-3 relative, absolute floor
    /// 2·std·1e-3·max|row|, the variance change that a 1e-3·max|row| error per value can make) and raw columns
    /// (1e-3 relative, floor 1e-3·max|row|, or 1e-5 where the row is all zero).
    /// </summary>
    public static ParityReport Check(FeatureReference expected, Matrix actual, int rowCountForRaw = -1)
    {
        var failures = new List<string>();
        double worstMean = 0, worstVar = 0, worstRaw = 0, worstRatio = 0;
        void Track(string what, double a, double e, double rtol, double floor, ref double worstRel)
        {
            double err = Math.Abs(a - e);
            double tol = rtol * Math.Abs(e) + floor;
            double rel = err / Math.Max(Math.Abs(e), 1e-300);
            if (err > 0) worstRel = Math.Max(worstRel, Math.Min(rel, err / Math.Max(floor / rtol, 1e-300)));
            double ratio = tol > 0 ? err / tol : (err == 0 ? 0 : double.PositiveInfinity);
            worstRatio = Math.Max(worstRatio, ratio);
            if (!(ratio <= 1) && failures.Count < 20) failures.Add($"{what}: got {a:R}, expected {e:R} (error {err:E2} > tolerance {tol:E2})");
        }

        if (expected.Frames is { } frames && frames != actual.Columns)
            failures.Add($"frames: got {actual.Columns}, expected {frames}");
        if (expected.Mean is { } mean && failures.Count == 0)
        {
            if (mean.Length != actual.Rows) failures.Add($"rows: got {actual.Rows}, expected {mean.Length}");
            else
                for (int r = 0; r < actual.Rows; r++)
                {
                    var (m, v) = MeanVar(actual.Row(r));
                    double scale = expected.RowScale(r);
                    Track($"row {r} mean", m, mean[r], MeanRtol, MeanRtol * scale, ref worstMean);
                    Track($"row {r} var", v, expected.Var![r], RawRtol, 2 * Math.Sqrt(expected.Var[r]) * RawRtol * scale, ref worstVar);
                }
        }
        foreach (var (frame, column) in expected.Raw)
        {
            if (frame >= actual.Columns) { failures.Add($"frame {frame} missing (only {actual.Columns})"); continue; }
            double blockScale = column.Max(Math.Abs);
            for (int r = 0; r < column.Length; r++)
            {
                double scale = expected.Mean is null ? blockScale : expected.RowScale(r);
                double floor = scale > 0 ? RawRtol * scale : 1e-5;
                Track($"frame {frame} row {r}", actual[r, frame], column[r], RawRtol, floor, ref worstRaw);
            }
        }
        return new ParityReport(expected.Name, worstMean, worstVar, worstRaw, worstRatio, failures);
    }

    /// <summary>Asserts <see cref="Check"/> found nothing and returns its report (for test output).</summary>
    public static ParityReport AssertMatches(FeatureReference expected, Matrix actual)
    {
        var report = Check(expected, actual);
        Assert.True(report.Failures.Count == 0, $"{expected.Name} differs from librosa:\n" + string.Join("\n", report.Failures));
        return report;
    }

    /// <summary>Mean and population variance in float64.</summary>
    public static (double Mean, double Var) MeanVar(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        double mean = sum / values.Length, ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return (mean, ss / values.Length);
    }

    /// <summary>Asserts a scalar within relative <paramref name="rtol"/> (plus an absolute floor).</summary>
    public static void Close(double expected, double actual, double rtol, double floor, string what)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= rtol * Math.Abs(expected) + floor, $"{what}: got {actual:R}, expected {expected:R} (rel {err / Math.Abs(expected):E2})");
    }
}
