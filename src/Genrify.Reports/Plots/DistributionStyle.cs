namespace Genrify.Reports;

/// <summary>How <see cref="GenreDistributionPlot"/> draws each genre's values.</summary>
public enum DistributionStyle
{
    /// <summary>A violin: the kernel density's outline, mirrored, with the quartile box and median inside.</summary>
    Violin,

    /// <summary>A box: quartiles, median, and whiskers at 1.5 interquartile ranges within the data.</summary>
    Box,
}
