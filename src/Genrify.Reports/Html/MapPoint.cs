namespace Genrify.Reports;

/// <summary>One song on an interactive map.</summary>
/// <param name="X">Horizontal position (any finite unit: the map scales to fit).</param>
/// <param name="Y">Vertical position, up is larger.</param>
/// <param name="Genre">The song's genre: its colour and legend entry.</param>
/// <param name="Label">The song's name, shown on hover (plain text: quotes, &lt; and &amp; are fine).</param>
/// <param name="AudioHref">A relative URL of the song's audio, played on click; null when there is none.</param>
/// <param name="Detail">An optional line shown under the name on hover (artist, predicted genre, ...).</param>
public sealed record MapPoint(double X, double Y, string Genre, string Label, string? AudioHref = null, string? Detail = null);
