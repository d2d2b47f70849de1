namespace Genrify.Reports;

/// <summary>How <see cref="GenreFingerprintPlot"/> draws the genres' mean spectra.</summary>
public enum FingerprintStyle
{
    /// <summary>A genre × mel band heat map: one row per genre.</summary>
    Heatmap,

    /// <summary>One line per genre over the mel bands, in the genre's colour, with a legend.</summary>
    Lines,
}
