using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Genrify.Dsp.Tests;

/// <summary>Every frame-level feature against librosa 0.11 on the 22050 Hz lossless clips.</summary>
public sealed class FeatureParityTests(ITestOutputHelper output)
{
    private const int Sr = 22050;
    private static readonly ConcurrentDictionary<string, Matrix> Magnitudes = new();

    // One |STFT| per clip feeds every spectral feature, as in the reference script (S = np.abs(librosa.stft(y))).
    private static Matrix Magnitude(string clip) => Magnitudes.GetOrAdd(clip, c => Stft.Magnitude(LibrosaReference.Audio(c)));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        string[] features = ["default.mfcc", "default.rms", "default.zcr", "default.centroid", "default.bandwidth", "default.rolloff",
            "default.contrast", "default.flatness", "extras.spectral_contrast", "seed.energy", "seed.rms", "seed.mfcc"];
        foreach (var clip in LibrosaReference.LosslessClips)
            foreach (var f in features) data.Add(clip, f);
        return data;
    }

    private static Matrix Compute(string clip, string feature)
    {
        var y = LibrosaReference.Audio(clip);
        return feature switch
        {
            "default.mfcc" => Mfcc.Compute(y, Sr, 20),
            "default.rms" => Rms.Compute(y),
            "default.zcr" => ZeroCrossingRate.Compute(y),
            "default.centroid" => SpectralCentroid.FromSpectrogram(Magnitude(clip), Sr),
            "default.bandwidth" => SpectralBandwidth.FromSpectrogram(Magnitude(clip), Sr),
            "default.rolloff" => SpectralRolloff.FromSpectrogram(Magnitude(clip), Sr),
            "default.contrast" => SpectralContrast.FromSpectrogram(Magnitude(clip), Sr),
            "default.flatness" => SpectralFlatness.FromSpectrogram(Magnitude(clip)),
            "extras.spectral_contrast" => SpectralContrast.Compute(y, Sr),
            "seed.energy" => FrameEnergy.Compute(y, 512, 256),
            "seed.rms" => Rms.Compute(y, 512, 256),
            "seed.mfcc" => Mfcc.Compute(y, Sr, 12, new StftOptions { NFft = 512, HopLength = 256 }),
            _ => throw new ArgumentException(feature),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Feature_matches_librosa(string clip, string feature)
    {
        var reference = LibrosaReference.Load(clip).Feature(feature);
        output.WriteLine(Parity.AssertMatches(reference, Compute(clip, feature)).ToString());
    }

    public static TheoryData<string> Clips => new(LibrosaReference.LosslessClips);

    [Theory]
    [MemberData(nameof(Clips))]
    public void Gtzan_columns_match_librosa(string clip)
    {
        var reference = LibrosaReference.Load(clip);
        var y = LibrosaReference.Audio(clip);
        Assert.Equal(reference.Gtzan("length"), y.Length);
        var columns = new Dictionary<string, Matrix>
        {
            ["rms"] = Rms.Compute(y),
            ["spectral_centroid"] = SpectralCentroid.Compute(y, Sr),
            ["spectral_bandwidth"] = SpectralBandwidth.Compute(y, Sr),
            ["rolloff"] = SpectralRolloff.Compute(y, Sr),
            ["zero_crossing_rate"] = ZeroCrossingRate.Compute(y),
        };
        var mfcc = Mfcc.Compute(y, Sr, 20);
        for (int i = 0; i < 20; i++) columns[$"mfcc{i + 1}"] = new Matrix(1, mfcc.Columns, mfcc.Row(i).ToArray());
        double worstMean = 0, worstVar = 0;
        foreach (var (name, m) in columns)
        {
            var (mean, var) = Parity.MeanVar(m.Data);
            double eMean = reference.Gtzan(name + "_mean"), eVar = reference.Gtzan(name + "_var");
            double scale = m.Data.Max(v => Math.Abs((double)v));
            Parity.Close(eMean, mean, Parity.MeanRtol, Parity.MeanRtol * scale, name + "_mean");
            Parity.Close(eVar, var, Parity.RawRtol, 2 * Math.Sqrt(eVar) * Parity.RawRtol * scale, name + "_var");
            worstMean = Math.Max(worstMean, Math.Abs(mean - eMean) / Math.Max(Math.Abs(eMean), 1e-300));
            worstVar = Math.Max(worstVar, Math.Abs(var - eVar) / Math.Max(eVar, 1e-300));
        }
        output.WriteLine($"gtzan {clip}: worst mean rel {worstMean:E2}, worst var rel {worstVar:E2}");
    }
}
