namespace Genrify.Pipeline.Insight;

/// <summary>
/// A feature as a reader of a picture knows it: a name, a unit and how to read it from a table's row. Most are a
/// column as it is; loudness is derived from the mean RMS (in dB relative to full scale) when the table has no
/// loudness column of its own (a manifest's Spotify loudness).
/// </summary>
/// <param name="Name">What the picture calls it ("tempo", "loudness", "spectral_centroid_mean").</param>
/// <param name="Unit">Its unit ("BPM", "dBFS", "Hz"), or null for unitless values.</param>
/// <param name="Source">Where the value comes from, said in the picture when it is not the name ("20·log10(rms_mean)").</param>
/// <param name="Value">Reads it from one row of the table.</param>
public sealed record DescribedFeature(string Name, string? Unit, string? Source, Func<double[], double> Value)
{
    /// <summary>The features the original study looked at first, in its order: tempo, loudness, energy.</summary>
    public static IReadOnlyList<string> StudyFeatures { get; } = ["tempo", "loudness", "energy"];

    /// <summary>
    /// Resolves <paramref name="name"/> on a table with <paramref name="columns"/>: the column of that name (its unit
    /// guessed from the name), else the study's derived meanings (tempo: the beat tracker's <c>beat_tempo</c>;
    /// loudness: 20·log10 of <c>rms_mean</c>; energy: <c>rms_mean</c>, the mean RMS energy as the GTZAN table names it);
    /// null when the table has nothing of the kind.
    /// </summary>
    public static DescribedFeature? Resolve(string name, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        int Column(string column) => columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
        int own = Column(name);
        if (own >= 0) return new DescribedFeature(columns[own], UnitOf(columns[own]), null, row => row[own]);
        switch (name.ToLowerInvariant())
        {
            case "tempo" when Column("beat_tempo") is var beat and >= 0:
                return new DescribedFeature("tempo", "BPM", "beat_tempo", row => row[beat]);
            case "loudness" when Column("rms_mean") is var rms and >= 0:
                return new DescribedFeature("loudness", "dBFS", "20·log10(rms_mean)", row => 20 * Math.Log10(Math.Max(row[rms], 1e-10)));
            case "energy" when Column("rms_mean") is var energy and >= 0:
                return new DescribedFeature("energy", null, "rms_mean, the mean RMS energy", row => row[energy]);
            default:
                return null;
        }
    }

    // The units a column's name tells: Hz for spectral positions, BPM for tempi, dB for Spotify's loudness.
    private static string? UnitOf(string column)
    {
        var c = column.ToLowerInvariant();
        if (c.Contains("tempo")) return "BPM";
        if (c.StartsWith("spectral_centroid", StringComparison.Ordinal) || c.StartsWith("spectral_bandwidth", StringComparison.Ordinal) || c.StartsWith("rolloff", StringComparison.Ordinal))
            return c.EndsWith("_var", StringComparison.Ordinal) ? "Hz²" : "Hz";
        if (c is "loudness" or "spotify_loudness") return "dB";
        return null;
    }
}
