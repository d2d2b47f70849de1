using System.Globalization;
using System.Text;
using Genrify.Shared;

namespace Genrify.Reports;

/// <summary>
/// Builds one self-contained HTML report, readable offline: headings (listed in a table of contents), paragraphs,
/// tables, pictures embedded as data: URIs, and HTML fragments such as <see cref="InteractiveMapHtml.RenderFragment"/>'s
/// map, under one small inline stylesheet. Text is escaped; fragments are taken as they are.
/// </summary>
public sealed class HtmlReport
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly List<string> _blocks = [];
    private readonly List<(int Level, string Id, string Text)> _headings = [];

    /// <summary>A report titled <paramref name="title"/> (the page's title and its first heading).</summary>
    /// <exception cref="ArgumentException">The title is blank.</exception>
    public HtmlReport(string title)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("the report needs a title", nameof(title));
        Title = title;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Adds a section heading (level 2) or subsection heading (level 3), listed in the table of contents.</summary>
    /// <exception cref="ArgumentException">Blank text, or a level other than 2 or 3.</exception>
    public HtmlReport AddHeading(string text, int level = 2)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("a heading needs text", nameof(text));
        if (level is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(level), level, "headings are level 2 (section) or 3 (subsection)");
        var id = "s" + (_headings.Count + 1).ToString(CultureInfo.InvariantCulture);
        _headings.Add((level, id, text));
        _blocks.Add($"<h{level} id=\"{id}\">{HtmlText.Escape(text)}</h{level}>");
        return this;
    }

    /// <summary>Adds a paragraph of plain text (escaped; blank lines start new paragraphs).</summary>
    public HtmlReport AddParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            _blocks.Add($"<p>{HtmlText.Escape(paragraph.Trim())}</p>");
        return this;
    }

    /// <summary>Adds a table of plain-text cells; numbers are right-aligned.</summary>
    /// <exception cref="ArgumentException">No headers, or a row whose length differs from the headers'.</exception>
    public HtmlReport AddTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (headers.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(headers));
        var html = new StringBuilder("<div class=\"table\"><table>");
        if (caption is not null) html.Append("<caption>").Append(HtmlText.Escape(caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var h in headers) html.Append("<th>").Append(HtmlText.Escape(h)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        int index = 0;
        foreach (var row in rows)
        {
            if (row is null || row.Count != headers.Count)
                throw new ArgumentException($"row {index} has {row?.Count ?? 0} cells, expected {headers.Count} (one per header)", nameof(rows));
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append(LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(HtmlText.Escape(cell)).Append("</td>");
            html.Append("</tr>\n");
            index++;
        }
        html.Append("</tbody></table></div>");
        _blocks.Add(html.ToString());
        return this;
    }

    /// <summary>Embeds the PNG at <paramref name="pngPath"/> (read now) with its alternative text and an optional caption.</summary>
    /// <exception cref="ArgumentException">The file is not a PNG, or the alternative text is blank.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public HtmlReport AddImage(string pngPath, string alt, string? caption = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        if (!File.Exists(pngPath)) throw new FileNotFoundException($"no picture at {pngPath}", pngPath);
        return AddImage(File.ReadAllBytes(pngPath), alt, caption);
    }

    /// <summary>Embeds PNG bytes with their alternative text and an optional caption.</summary>
    /// <exception cref="ArgumentException">The bytes are not a PNG, or the alternative text is blank.</exception>
    public HtmlReport AddImage(byte[] png, string alt, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < PngSignature.Length || !png.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
            throw new ArgumentException("the picture is not a PNG (its first bytes are not the PNG signature)", nameof(png));
        if (string.IsNullOrWhiteSpace(alt)) throw new ArgumentException("a picture needs alternative text (what it shows)", nameof(alt));
        var html = new StringBuilder("<figure><img alt=\"").Append(HtmlText.Escape(alt)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\">");
        if (caption is not null) html.Append("<figcaption>").Append(HtmlText.Escape(caption)).Append("</figcaption>");
        _blocks.Add(html.Append("</figure>").ToString());
        return this;
    }

    /// <summary>
    /// Adds an HTML fragment as it is (e.g. <see cref="InteractiveMapHtml.RenderFragment"/>): the caller vouches for
    /// it, and for it fetching nothing from the network.
    /// </summary>
    public HtmlReport AddHtml(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        _blocks.Add(fragment);
        return this;
    }

    /// <summary>The whole page: title, table of contents (when there are headings), then the blocks in order.</summary>
    public string ToHtml()
    {
        var body = new StringBuilder();
        body.Append("<header><h1>").Append(HtmlText.Escape(Title)).Append("</h1>")
            .Append("<p class=\"made\">Made by Genrify on ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append(" UTC.</p></header>\n");
        if (_headings.Count > 0)
        {
            body.Append("<nav class=\"toc\"><h2>Contents</h2><ol>\n");
            bool inSub = false;
            for (int i = 0; i < _headings.Count; i++)
            {
                var (level, id, text) = _headings[i];
                if (level == 3 && !inSub) { body.Append("<ol>\n"); inSub = true; }
                else if (level == 2 && inSub) { body.Append("</ol></li>\n"); inSub = false; }
                else if (i > 0) body.Append("</li>\n");
                body.Append("<li><a href=\"#").Append(id).Append("\">").Append(HtmlText.Escape(text)).Append("</a>");
            }
            body.Append(inSub ? "</li></ol></li>\n" : "</li>\n").Append("</ol></nav>\n");
        }
        body.Append("<main>\n");
        foreach (var block in _blocks) body.Append(block).Append('\n');
        body.Append("</main>");
        return HtmlText.Document(Title, HtmlText.BaseStyle + ReportStyle, body.ToString());
    }

    /// <summary>Writes the page to <paramref name="path"/>, replacing it atomically (folders are made).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, ToHtml());
    }

    private static bool LooksNumeric(string? cell) =>
        !string.IsNullOrWhiteSpace(cell) &&
        double.TryParse(cell.Trim().TrimEnd('%').Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private const string ReportStyle =
        ".made{color:#667;font-size:.9rem;margin-top:-.6rem}" +
        ".toc{background:#f5f7fa;border:1px solid #e1e5eb;border-radius:6px;padding:.4rem 1.2rem .6rem;margin:1rem 0 1.5rem;display:inline-block;min-width:280px}" +
        ".toc h2{font-size:1rem;border:0;margin:.4rem 0}.toc ol{margin:0;padding-left:1.3rem}.toc a{color:#1f5fa8;text-decoration:none}.toc a:hover{text-decoration:underline}" +
        "figure{margin:1.2rem 0}figure img{max-width:100%;height:auto;border:1px solid #e3e6ec;border-radius:4px}" +
        "figcaption{color:#444;font-size:.92rem;margin-top:.3rem}" +
        ".table{overflow-x:auto}table{border-collapse:collapse;margin:.8rem 0;font-size:.93rem}" +
        "caption{text-align:left;color:#444;padding-bottom:.3rem}" +
        "th,td{border-bottom:1px solid #e1e5eb;padding:.32rem .75rem;text-align:left}th{background:#f1f4f8;font-weight:600}" +
        "td.num{text-align:right;font-variant-numeric:tabular-nums}tbody tr:nth-child(even){background:#fafbfc}";
}
