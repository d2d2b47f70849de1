namespace Genrify.Data;

/// <summary>File formats of feature tables.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated text, invariant culture, round-trip numbers.</summary>
    Csv,

    /// <summary>Apache Parquet (feature columns as float64).</summary>
    Parquet,
}
