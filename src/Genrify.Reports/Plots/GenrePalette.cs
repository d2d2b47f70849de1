using System.Globalization;
using ScottPlot;

namespace Genrify.Reports;

/// <summary>
/// A fixed colour per genre, colour-blind-safe where the number of genres allows: up to 8 genres take the
/// Okabe-Ito colours, up to 10 Tableau 10, up to 20 Tableau 10 followed by its light companions, and more than
/// that evenly spaced hues. Colours follow the genres' sorted (ordinal) order, not the order a caller lists them
/// in, so every picture made from the same genre vocabulary gives a genre the same colour. A picture drawing a few
/// genres of a larger vocabulary should be handed the vocabulary's palette to keep its colours.
/// </summary>
public sealed class GenrePalette
{
    /// <summary>Okabe and Ito's colour-blind-safe colours, the most distinct first (blue, orange, green, ...).</summary>
    public static IReadOnlyList<string> OkabeIto { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Tableau 10: ten well-separated colours, the usual choice past eight categories.</summary>
    public static IReadOnlyList<string> Tableau10 { get; } =
        ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"];

    /// <summary>Light companions of <see cref="Tableau10"/>, used after it (Tableau 20).</summary>
    public static IReadOnlyList<string> Tableau10Light { get; } =
        ["#A0CBE8", "#FFBE7D", "#FF9D9A", "#86BCB6", "#8CD17D", "#F1CE63", "#D4A6C8", "#FABFD2", "#D7B5A6", "#79706E"];

    private readonly Dictionary<string, string> _hexByGenre;

    private GenrePalette(string[] genres)
    {
        Genres = genres;
        var colours = ColoursFor(genres.Length);
        _hexByGenre = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < genres.Length; i++) _hexByGenre[genres[i]] = colours[i];
    }

    /// <summary>The genres this palette colours, in sorted ordinal order (the order colours are handed out).</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>The palette of a genre vocabulary (duplicates are ignored; order does not matter).</summary>
    /// <exception cref="ArgumentException">No genres, or a genre that is null or blank.</exception>
    public static GenrePalette For(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var distinct = genres.ToArray();
        if (distinct.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("a genre name is null or blank", nameof(genres));
        distinct = distinct.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0) throw new ArgumentException("no genres to colour", nameof(genres));
        return new GenrePalette(distinct);
    }

    /// <summary>Whether <paramref name="genre"/> has a colour here.</summary>
    public bool Contains(string genre) => genre is not null && _hexByGenre.ContainsKey(genre);

    /// <summary>The genre's colour as CSS hex, <c>#RRGGBB</c>.</summary>
    /// <exception cref="ArgumentException">The genre is not in this palette's vocabulary.</exception>
    public string HexOf(string genre) =>
        genre is not null && _hexByGenre.TryGetValue(genre, out var hex)
            ? hex
            : throw new ArgumentException($"genre '{genre}' is not in the palette (it colours {string.Join(", ", Genres)})", nameof(genre));

    /// <summary>The genre's colour for ScottPlot.</summary>
    /// <exception cref="ArgumentException">The genre is not in this palette's vocabulary.</exception>
    public Color ColorOf(string genre) => Color.FromHex(HexOf(genre));

    private static string[] ColoursFor(int count)
    {
        if (count <= OkabeIto.Count) return OkabeIto.Take(count).ToArray();
        if (count <= Tableau10.Count) return Tableau10.Take(count).ToArray();
        if (count <= Tableau10.Count + Tableau10Light.Count) return Tableau10.Concat(Tableau10Light).Take(count).ToArray();
        // Past twenty nothing stays distinct; evenly spaced hues at least keep neighbours apart.
        return Enumerable.Range(0, count).Select(i => HexFromHue(360.0 * i / count)).ToArray();
    }

    private static string HexFromHue(double hue)
    {
        // HSL with saturation 0.65 and lightness 0.45: saturated enough to tell apart, dark enough on white.
        double s = 0.65, l = 0.45;
        double c = (1 - Math.Abs(2 * l - 1)) * s, h = hue / 60, x = c * (1 - Math.Abs(h % 2 - 1)), m = l - c / 2;
        (double r, double g, double b) = h switch
        {
            < 1 => (c, x, 0.0), < 2 => (x, c, 0.0), < 3 => (0.0, c, x), < 4 => (0.0, x, c), < 5 => (x, 0.0, c), _ => (c, 0.0, x),
        };
        static int Byte(double v) => (int)Math.Round(255 * v);
        return string.Create(CultureInfo.InvariantCulture, $"#{Byte(r + m):X2}{Byte(g + m):X2}{Byte(b + m):X2}");
    }
}
