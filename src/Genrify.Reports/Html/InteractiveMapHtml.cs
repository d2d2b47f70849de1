using System.Globalization;
using System.Text;
using Genrify.Shared;

namespace Genrify.Reports;

/// <summary>
/// Songs on a map as one self-contained, offline HTML page (or a fragment of one): an inline SVG of points coloured
/// by genre, a legend whose entries hide and show their genre, the song's name and genre on hover, and its audio
/// played on click where it has one. Nothing is fetched: no script, style or font comes from the network. A few
/// thousand points stay responsive (one event handler for all points, genres hidden by a class on the map).
/// </summary>
public static class InteractiveMapHtml
{
    private const double Width = 1000, Height = 620, Margin = 24, AxisRoom = 34;

    /// <summary>Writes the map as a whole HTML page to <paramref name="path"/>, replacing it atomically.</summary>
    /// <exception cref="ArgumentException">See <see cref="RenderFragment"/>.</exception>
    public static void Write(
        string path, IReadOnlyList<MapPoint> points, string title, string xLabel = "", string yLabel = "",
        GenrePalette? palette = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var page = RenderPage(points, title, xLabel, yLabel, palette);
        AtomicFile.WriteAllText(path, page);
    }

    /// <summary>Writes the map as a whole HTML page to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">See <see cref="RenderFragment"/>.</exception>
    public static void Write(
        TextWriter writer, IReadOnlyList<MapPoint> points, string title, string xLabel = "", string yLabel = "",
        GenrePalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(RenderPage(points, title, xLabel, yLabel, palette));
    }

    /// <summary>The whole page as a string.</summary>
    /// <exception cref="ArgumentException">See <see cref="RenderFragment"/>.</exception>
    public static string RenderPage(
        IReadOnlyList<MapPoint> points, string title, string xLabel = "", string yLabel = "", GenrePalette? palette = null)
    {
        // The page's heading is the title, so the map itself goes without its caption.
        var fragment = Render(points, title, xLabel, yLabel, palette, caption: false);
        return HtmlText.Document(title, HtmlText.BaseStyle, $"<h1>{HtmlText.Escape(title)}</h1>\n{fragment}");
    }

    /// <summary>
    /// The map as an HTML fragment (a <c>figure</c> holding its own style and script, scoped to a unique id), to put
    /// in a page such as <see cref="HtmlReport.AddHtml"/>; several maps can share a page.
    /// </summary>
    /// <param name="points">The songs, at least one.</param>
    /// <param name="title">The map's caption.</param>
    /// <param name="xLabel">The horizontal axis's label, or empty (a t-SNE or UMAP map's axes mean nothing).</param>
    /// <param name="yLabel">The vertical axis's label, or empty.</param>
    /// <param name="palette">Colours; by default the palette of the genres present.</param>
    /// <exception cref="ArgumentException">No points, a point that is null, has a coordinate that is not finite, a
    /// blank genre or a null label, an audio link that is not a relative URL (no scheme such as http: or
    /// javascript:, no //host), or a genre missing from <paramref name="palette"/>.</exception>
    public static string RenderFragment(
        IReadOnlyList<MapPoint> points, string title, string xLabel = "", string yLabel = "", GenrePalette? palette = null) =>
        Render(points, title, xLabel, yLabel, palette, caption: true);

    private static string Render(
        IReadOnlyList<MapPoint> points, string title, string xLabel, string yLabel, GenrePalette? palette, bool caption)
    {
        Validate(points);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(title);
        palette ??= GenrePalette.For(points.Select(p => p.Genre));
        var genres = points.Select(p => p.Genre).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var g in genres) palette.HexOf(g);
        var genreIndex = genres.Select((g, i) => (g, i)).ToDictionary(t => t.g, t => t.i, StringComparer.Ordinal);
        var id = "genrify-map-" + Guid.NewGuid().ToString("N")[..10];
        bool audio = points.Any(p => p.AudioHref is not null);

        var html = new StringBuilder(200 + points.Count * 70);
        html.Append("<figure class=\"genrify-map\" id=\"").Append(id).Append("\">\n");
        AppendStyle(html, id, genres, palette);
        if (caption) html.Append("<figcaption>").Append(HtmlText.Escape(title)).Append("</figcaption>\n");
        html.Append("<div class=\"map-body\">\n");
        AppendSvg(html, points, genreIndex, title, xLabel, yLabel);
        AppendLegend(html, points, genres);
        html.Append("</div>\n<div class=\"map-tip\" role=\"status\" hidden></div>\n");
        if (audio)
            html.Append("<p class=\"map-hint\">Hover over a point to see the song, click it to play; click a genre in the legend to hide or show it. <span class=\"map-now\"></span></p>\n")
                .Append("<audio controls preload=\"none\"></audio>\n");
        else
            html.Append("<p class=\"map-hint\">Hover over a point to see the song; click a genre in the legend to hide or show it.</p>\n");
        var data = points.Select(p => new object?[] { p.Label, genreIndex[p.Genre], p.AudioHref, p.Detail }).ToArray();
        html.Append("<script type=\"application/json\" class=\"map-data\">")
            .Append(HtmlText.Json(new { genres, points = data })).Append("</script>\n");
        html.Append("<script>").Append(Script.Replace("MAP_ID", id, StringComparison.Ordinal)).Append("</script>\n");
        html.Append("</figure>\n");
        return html.ToString();
    }

    private static void Validate(IReadOnlyList<MapPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("no songs to draw", nameof(points));
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i] ?? throw new ArgumentException($"point {i} is null", nameof(points));
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
                throw new ArgumentException($"point {i} ('{p.Label}') is at ({p.X.ToString(CultureInfo.InvariantCulture)}, {p.Y.ToString(CultureInfo.InvariantCulture)}): coordinates must be finite", nameof(points));
            if (string.IsNullOrWhiteSpace(p.Genre)) throw new ArgumentException($"point {i} ('{p.Label}') has no genre", nameof(points));
            if (p.Label is null) throw new ArgumentException($"point {i} has no label (use an empty string for none)", nameof(points));
            if (p.AudioHref is not null && !IsRelativeUrl(p.AudioHref))
                throw new ArgumentException($"point {i} ('{p.Label}'): audio link '{p.AudioHref}' is not a relative URL (the page must work offline)", nameof(points));
        }
    }

    /// <summary>A path such as "clips/a b.mp3" or "/audio/3": no scheme before the first '/', '?' or '#', and no "//host".</summary>
    private static bool IsRelativeUrl(string href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith('\\')) return false;
        int end = href.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? href : href[..end];
        return !head.Contains(':', StringComparison.Ordinal) && !href.Any(char.IsControl);
    }

    private static void AppendStyle(StringBuilder html, string id, string[] genres, GenrePalette palette)
    {
        string s = "#" + id;
        html.Append("<style>\n")
            .Append(s).Append("{position:relative;margin:1rem 0;font:14px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}\n")
            .Append(s).Append(" figcaption{font-weight:600;font-size:1.05rem;margin-bottom:.3rem}\n")
            .Append(s).Append(" .map-body{display:flex;gap:.8rem;align-items:flex-start;flex-wrap:wrap}\n")
            .Append(s).Append(" svg{flex:1 1 560px;max-width:100%;height:auto;background:#fbfbfd;border:1px solid #d8dce3;border-radius:4px}\n")
            .Append(s).Append(" circle{stroke:#fff;stroke-width:.6;fill-opacity:.85;cursor:pointer}\n")
            .Append(s).Append(" circle:hover{stroke:#000;stroke-width:1.5;fill-opacity:1}\n")
            .Append(s).Append(" .axis{fill:#555;font-size:14px}\n")
            .Append(s).Append(" .legend{list-style:none;margin:0;padding:0;min-width:160px}\n")
            .Append(s).Append(" .legend button{display:flex;align-items:center;gap:.45rem;width:100%;border:0;background:none;padding:.2rem .3rem;font:inherit;text-align:left;cursor:pointer;border-radius:3px}\n")
            .Append(s).Append(" .legend button:hover{background:#eef1f6}\n")
            .Append(s).Append(" .legend button[aria-pressed=false]{opacity:.4;text-decoration:line-through}\n")
            .Append(s).Append(" .swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:50%}\n")
            .Append(s).Append(" .map-tip{position:absolute;pointer-events:none;background:rgba(20,24,32,.92);color:#fff;padding:.35rem .55rem;border-radius:4px;max-width:320px;font-size:13px;line-height:1.35;white-space:pre-line;z-index:10}\n")
            .Append(s).Append(" .map-hint{color:#666;font-size:12.5px;margin:.3rem 0}\n")
            .Append(s).Append(" audio{width:100%;max-width:560px}\n");
        for (int g = 0; g < genres.Length; g++)
        {
            var hex = palette.HexOf(genres[g]);
            html.Append(s).Append(" .g").Append(g).Append("{fill:").Append(hex).Append("}\n");
            html.Append(s).Append(" .k").Append(g).Append("{background:").Append(hex).Append("}\n");
            html.Append(s).Append(".hide-").Append(g).Append(" .g").Append(g).Append("{display:none}\n");
        }
        html.Append("</style>\n");
    }

    private static void AppendSvg(
        StringBuilder html, IReadOnlyList<MapPoint> points, Dictionary<string, int> genreIndex, string title, string xLabel, string yLabel)
    {
        double minX = points.Min(p => p.X), maxX = points.Max(p => p.X), minY = points.Min(p => p.Y), maxY = points.Max(p => p.Y);
        double spanX = maxX > minX ? maxX - minX : 1, spanY = maxY > minY ? maxY - minY : 1;
        double left = Margin + (yLabel.Length > 0 ? AxisRoom : 0), bottom = Height - Margin - (xLabel.Length > 0 ? AxisRoom : 0);
        double plotWidth = Width - Margin - left, plotHeight = bottom - Margin;
        double radius = points.Count > 3000 ? 2.6 : points.Count > 1000 ? 3.4 : points.Count > 300 ? 4.5 : 6;
        var f = CultureInfo.InvariantCulture;
        html.Append(f, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{HtmlText.Escape(title)}\">\n");
        html.Append(f, $"<rect x=\"{left}\" y=\"{Margin}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#e3e6ec\"/>\n");
        if (xLabel.Length > 0)
            html.Append(f, $"<text class=\"axis\" x=\"{left + plotWidth / 2}\" y=\"{Height - Margin}\" text-anchor=\"middle\">{HtmlText.Escape(xLabel)}</text>\n");
        if (yLabel.Length > 0)
            html.Append(f, $"<text class=\"axis\" x=\"{Margin + 4}\" y=\"{Margin + plotHeight / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 {Margin + 4} {Margin + plotHeight / 2})\">{HtmlText.Escape(yLabel)}</text>\n");
        html.Append("<g class=\"points\">\n");
        // Largest genre first, so the smaller ones are drawn on top and stay visible.
        var sizes = points.GroupBy(p => p.Genre, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var order = Enumerable.Range(0, points.Count).OrderByDescending(i => sizes[points[i].Genre]).ThenBy(i => genreIndex[points[i].Genre]).ThenBy(i => i);
        foreach (int i in order)
        {
            double cx = left + radius + (points[i].X - minX) / spanX * (plotWidth - 2 * radius);
            double cy = bottom - radius - (points[i].Y - minY) / spanY * (plotHeight - 2 * radius);
            html.Append(f, $"<circle class=\"g{genreIndex[points[i].Genre]}\" cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"{radius}\" data-i=\"{i}\"/>\n");
        }
        html.Append("</g>\n</svg>\n");
    }

    private static void AppendLegend(StringBuilder html, IReadOnlyList<MapPoint> points, string[] genres)
    {
        html.Append("<ul class=\"legend\" aria-label=\"genres: click to hide or show\">\n");
        for (int g = 0; g < genres.Length; g++)
        {
            int count = points.Count(p => p.Genre == genres[g]);
            html.Append("<li><button type=\"button\" aria-pressed=\"true\" data-g=\"").Append(g).Append("\"><span class=\"swatch k")
                .Append(g).Append("\"></span>").Append(HtmlText.Escape(genres[g])).Append(" (")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append(")</button></li>\n");
        }
        html.Append("</ul>\n");
    }

    // One listener per map for all points; text goes in with textContent, never as markup.
    private const string Script = """
(function () {
  var root = document.getElementById('MAP_ID');
  var data = JSON.parse(root.querySelector('.map-data').textContent);
  var tip = root.querySelector('.map-tip'), svg = root.querySelector('svg');
  var audio = root.querySelector('audio'), now = root.querySelector('.map-now');
  function point(e) { var t = e.target; return t.tagName === 'circle' ? data.points[+t.getAttribute('data-i')] : null; }
  svg.addEventListener('mousemove', function (e) {
    var p = point(e);
    if (!p) { tip.hidden = true; return; }
    tip.textContent = p[0] + '\n' + data.genres[p[1]] + (p[3] ? '\n' + p[3] : '') + (p[2] ? '\n(click to play)' : '');
    var box = root.getBoundingClientRect();
    var x = e.clientX - box.left + 14, y = e.clientY - box.top + 14;
    tip.hidden = false;
    if (x + tip.offsetWidth > box.width) x = e.clientX - box.left - tip.offsetWidth - 10;
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  });
  svg.addEventListener('mouseleave', function () { tip.hidden = true; });
  svg.addEventListener('click', function (e) {
    var p = point(e);
    if (!p || !p[2] || !audio) return;
    audio.src = p[2];
    audio.play();
    if (now) now.textContent = 'Playing: ' + p[0] + ' (' + data.genres[p[1]] + ')';
  });
  root.querySelectorAll('.legend button').forEach(function (b) {
    b.addEventListener('click', function () {
      var shown = root.classList.toggle('hide-' + b.getAttribute('data-g'));
      b.setAttribute('aria-pressed', shown ? 'false' : 'true');
    });
  });
})();
""";
}
