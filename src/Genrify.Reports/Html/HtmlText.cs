using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Genrify.Reports;

/// <summary>Text made safe for HTML: element content, attribute values, and JSON inside a script element.</summary>
internal static class HtmlText
{
    private static readonly JsonSerializerOptions ScriptSafe = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Escapes &lt;, &gt;, &amp;, " and ' (safe in element content and in quoted attribute values).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// JSON for a <c>&lt;script type="application/json"&gt;</c> element: the default encoder writes &lt;, &gt;, &amp;
    /// and quotes as \u escapes, so a name holding "&lt;/script&gt;" cannot end the element.
    /// </summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, ScriptSafe);

    /// <summary>The page around a body: UTF-8, a viewport for phones, the title, one inline stylesheet.</summary>
    public static string Document(string title, string style, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{Escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n";

    /// <summary>The base style every Genrify page shares: system fonts only (nothing to fetch), readable widths.</summary>
    public const string BaseStyle =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#1d2330;" +
        "background:#fff;margin:0 auto;padding:1.2rem 1.5rem 3rem;max-width:1150px;line-height:1.5}" +
        "h1{font-size:1.7rem;margin:.4rem 0 1rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #dde1e8;padding-bottom:.2rem}" +
        "h3{font-size:1.08rem;margin-top:1.4rem}";
}
