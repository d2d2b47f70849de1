using System.Text.Json;
using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

/// <summary>One block ("decode" or "native_decode") of a clip's librosa reference JSON (written by scripts/librosa_make_ref.py).</summary>
internal sealed record LibrosaDecodeReference(int Samples, int SampleRate, double Sum, double SumSquares, double MaxAbs,
    float[] Head, float[] At100000, string? Backend)
{
    public static LibrosaDecodeReference Read(string clip, string block)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestData.LibrosaReference(clip)));
        var e = json.RootElement.GetProperty(block);
        static float[] Floats(JsonElement a) => a.EnumerateArray().Select(x => x.GetSingle()).ToArray();
        return new LibrosaDecodeReference(e.GetProperty("samples").GetInt32(), e.GetProperty("sr").GetInt32(),
            e.GetProperty("sum").GetDouble(), e.GetProperty("sum_sq").GetDouble(), e.GetProperty("max_abs").GetDouble(),
            Floats(e.GetProperty("head")), Floats(e.GetProperty("at_100000")),
            e.TryGetProperty("backend", out var b) ? b.GetString() : null);
    }
}

/// <summary>How far decoded samples are from a reference block.</summary>
internal sealed record DecodeComparison(int Length, int ReferenceLength, double MaxAbsError, double SumError, double SumSquaresError, double MaxAbsDifference)
{
    public static DecodeComparison Compare(float[] y, LibrosaDecodeReference reference)
    {
        double maxError = 0;
        for (int i = 0; i < reference.Head.Length; i++) maxError = Math.Max(maxError, Math.Abs((double)y[i] - reference.Head[i]));
        for (int i = 0; i < reference.At100000.Length; i++)
            maxError = Math.Max(maxError, Math.Abs((double)y[100000 + i] - reference.At100000[i]));
        double sum = 0, sumSquares = 0, maxAbs = 0;
        foreach (float x in y)
        {
            sum += x;
            sumSquares += (double)x * x;
            maxAbs = Math.Max(maxAbs, Math.Abs(x));
        }
        return new DecodeComparison(y.Length, reference.Samples, maxError, Math.Abs(sum - reference.Sum),
            Math.Abs(sumSquares - reference.SumSquares), Math.Abs(maxAbs - reference.MaxAbs));
    }
}
