using Genrify.Features.Presets;

namespace Genrify.Features.Tests;

public class GtzanPresetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly GtzanPreset Preset = new();

    [Theory]
    [MemberData(nameof(PresetReference.AllClips), MemberType = typeof(PresetReference))]
    public void Matches_librosa_gtzan_block(string clip)
    {
        var gtzan = PresetReference.Of(clip).GetProperty("gtzan");
        var features = Preset.Extract(PresetReference.Samples(clip));
        Assert.Equal(GtzanPreset.Columns.Count, features.Length);

        // Absolute floor for values near zero, as the fixtures README recommends (rtol × the largest magnitude of the
        // same feature): for MFCC means/vars the largest of the 20 coefficients' values, for the HPSS waveform means
        // the waveform's peak (their mean is ~1e-5 of it), otherwise the value itself.
        var hpss = PresetReference.Of(clip).GetProperty("extras").GetProperty("hpss");
        double Floor(string column)
        {
            string suffix = column[(column.LastIndexOf('_') + 1)..];
            if (column.StartsWith("mfcc", StringComparison.Ordinal))
                return GtzanPreset.Columns.Where(c => c.StartsWith("mfcc", StringComparison.Ordinal) && c.EndsWith(suffix, StringComparison.Ordinal))
                    .Max(c => Math.Abs(gtzan.GetProperty(c).GetDouble()));
            if (column == "harmony_mean") return hpss.GetProperty("harmonic_summary").GetProperty("max_abs").GetDouble();
            if (column == "perceptr_mean") return hpss.GetProperty("percussive_summary").GetProperty("max_abs").GetDouble();
            return 0;
        }

        double worst = 0;
        string worstColumn = "";
        for (int i = 0; i < features.Length; i++)
        {
            double reference = gtzan.GetProperty(GtzanPreset.Columns[i]).GetDouble();
            double relative = Math.Abs(features[i] - reference) / Math.Max(Math.Abs(reference), 1e-300);
            if (relative > worst) (worst, worstColumn) = (relative, GtzanPreset.Columns[i]);
        }
        output.WriteLine($"parity gtzan {clip}: worst relative difference {worst:E1} ({worstColumn}); tempo {features[GtzanPreset.Columns.ToList().IndexOf("tempo")]}");

        for (int i = 0; i < features.Length; i++)
        {
            string column = GtzanPreset.Columns[i];
            double expected = gtzan.GetProperty(column).GetDouble();
            if (column == "tempo")
            {
                Assert.Equal(expected, features[i]); // a quantised lag: must be equal
                continue;
            }
            double rtol = column.EndsWith("_var", StringComparison.Ordinal) ? 1e-3 : 1e-4;
            PresetReference.Close($"{clip} {column}", expected, features[i], rtol, Floor(column));
        }
    }

    [Fact]
    public void Columns_are_those_of_the_public_gtzan_table()
    {
        // The header of ../shared/data/gtzan/features_30_sec.csv, without filename, length and label.
        var header = File.ReadLines(Path.Combine(Genrify.Tests.Shared.TestData.Directory, "librosa", "features_30_sec_published_rows.csv")).First().Split(',');
        var expected = header.Where(c => c is not ("filename" or "length" or "label")).ToArray();
        Assert.Equal(expected, GtzanPreset.Columns);
    }
}
