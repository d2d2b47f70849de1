using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Genrify.Pipeline.Insight;
using Genrify.Reports;

namespace Genrify.Web;

/// <summary>
/// <c>GET /collection</c>: the collection the server compares uploads with, as one self-contained page: a t-SNE map
/// of its songs coloured by genre (hover names the song) and what clustering without labels finds in it. The page is
/// drawn once, on the first request, off the request path (t-SNE and the clusterings take seconds to a minute); until
/// it is ready the request is answered with a page that reloads itself. Thread-safe.
/// </summary>
public sealed partial class CollectionPage
{
    /// <summary>Largest number of songs mapped: t-SNE and the silhouette cost the square of the songs, so a larger
    /// collection is mapped on a seeded sample of this many (the page says so); about 30 s on 2 cores.</summary>
    public const int MaxMappedSongs = 2000;

    /// <summary>How long a request waits for the page being drawn before it is answered "still drawing".</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    private readonly SongCollection? _collection;
    private readonly CancellationToken _stopping;
    private readonly Lazy<Task<RenderedPage>> _page;

    /// <summary>The page of <paramref name="collection"/> (null: the server knows no collection, and the route answers
    /// 404); drawing stops when <paramref name="stopping"/> fires.</summary>
    public CollectionPage(SongCollection? collection, CancellationToken stopping = default)
    {
        _collection = collection;
        _stopping = stopping;
        _page = new Lazy<Task<RenderedPage>>(() => Task.Run(() => Render(collection!, stopping), CancellationToken.None));
    }

    /// <summary>The collection shown, or null.</summary>
    public SongCollection? Collection => _collection;

    /// <summary>
    /// The page once drawn (the first call starts drawing it), waiting at most <paramref name="wait"/> for it; null when
    /// it is not ready by then. Throws what drawing it threw.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server knows no collection.</exception>
    public async Task<RenderedPage?> GetAsync(TimeSpan wait, CancellationToken cancel = default)
    {
        if (_collection is null) throw new InvalidOperationException("the server knows no collection");
        var drawing = _page.Value;
        try
        {
            return await drawing.WaitAsync(wait, cancel);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The answer (404 <c>no-collection</c>) when the server knows no collection.</summary>
    public static UploadProblem NoCollection() => new(StatusCodes.Status404NotFound, "No collection",
        "the server knows no collection: the model carries no songs and no --collection was given", "no-collection");

    /// <summary>Answers <c>GET /collection</c>.</summary>
    public async Task<IResult> ServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_collection is null)
            return PredictEndpoint.Problem(NoCollection());
        RenderedPage? page;
        try
        {
            page = await GetAsync(Wait, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the client went away; the drawing goes on for the next one
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            context.Response.Headers.RetryAfter = "2";
            return PredictEndpoint.Problem(new UploadProblem(StatusCodes.Status503ServiceUnavailable, "Server stopping", "the server is stopping", "stopping"));
        }
        if (page is null)
        {
            context.Response.Headers.RetryAfter = "3";
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(Drawing(_collection), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
        // The map carries its own script and style inline: the policy allows exactly those, by their hashes.
        context.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Content(page.Html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The page of <paramref name="collection"/>, drawn now.</summary>
    public static RenderedPage Render(SongCollection collection, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var summary = collection.Summary();
        var title = $"The collection: {Songs(summary.Songs)} of {summary.Genres.Count} genres";
        var report = new HtmlReport(title);
        report.AddHtml("<p><a href=\"/\">← Back to Genrify</a></p>");
        report.AddParagraph($"The songs the server compares uploads with (the nearest songs under each answer): {collection.Source}, " +
                            $"{Songs(summary.Songs)}, compared by {collection.Space ?? "their features"}. " +
                            string.Join(", ", summary.Genres.Select(g => $"{g.Genre} {g.Songs}")) + ".");
        if (collection.Songs.Count < 3)
        {
            report.AddParagraph($"A map needs at least 3 songs; the collection has {collection.Songs.Count}.");
            return RenderedPage.Of(report.ToHtml());
        }

        var map = CollectionMap.Build(collection.ToDataset(), new MapOptions { MaxSongs = MaxMappedSongs }, cancel);
        var points = map.Rows.Select((row, i) =>
        {
            var genres = collection.GenresOf(row);
            return new MapPoint(map.Tsne![i][0], map.Tsne[i][1], map.Genres[i], map.Ids[i], Detail: genres.Count > 1 ? string.Join(", ", genres) : null);
        }).ToArray();
        report.AddHeading("Map");
        report.AddParagraph("t-SNE of the songs: songs that sound alike to the model lie near each other (the axes mean nothing). " +
                            "Each song is coloured by its first genre.");
        report.AddHtml(InteractiveMapHtml.RenderFragment(points, $"t-SNE map of {Songs(points.Length)}"));
        report.AddHeading("What clustering finds");
        report.AddParagraph("The songs clustered without their genres, then compared with them: purity (the share of songs whose " +
                            "cluster's most common genre is theirs), NMI (normalised mutual information: 0 unrelated, 1 the genres " +
                            "exactly) and ARI (adjusted Rand index: about 0 for chance, 1 for the genres). k was chosen by silhouette, " +
                            "or set to the number of genres.");
        var f = CultureInfo.InvariantCulture;
        report.AddTable(["view", "method", "k", "k chosen by", "silhouette", "purity", "NMI", "ARI"],
            map.Clusters.Select(c => (IReadOnlyList<string>)[c.View, c.Method, c.K.ToString(f), c.Choice,
                c.Silhouette.ToString("0.00", f), c.Purity.ToString("0.00", f), c.Nmi.ToString("0.00", f), c.Ari.ToString("0.00", f)]));
        foreach (var note in map.Notes) report.AddParagraph(note);
        return RenderedPage.Of(report.ToHtml());
    }

    private static string Songs(int count) => count == 1 ? "1 song" : $"{count} songs";

    // Shown while the map is being drawn: no script, so the refresh is the page's own.
    private static string Drawing(SongCollection collection) =>
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>Drawing the collection…</title>
        <link rel="stylesheet" href="/static/app.css"></head>
        <body><main><p class="status busy">Drawing the map of {WebUtility.HtmlEncode(Songs(collection.Songs.Count))}
        ({WebUtility.HtmlEncode(collection.Source)})… this page reloads by itself.</p></main></body></html>
        """;

    /// <summary>A drawn page and the Content-Security-Policy that lets exactly its inline script and style run.</summary>
    /// <param name="Html">The whole page.</param>
    /// <param name="ContentSecurityPolicy">Nothing from elsewhere, no other inline code: its scripts and styles by hash.</param>
    public sealed record RenderedPage(string Html, string ContentSecurityPolicy)
    {
        /// <summary>The page <paramref name="html"/> with the policy that allows its own inline scripts and styles only.</summary>
        public static RenderedPage Of(string html)
        {
            ArgumentNullException.ThrowIfNull(html);
            // Data blocks (type="application/json") are never run, so only plain script elements need a hash.
            var scripts = InlineScript().Matches(html).Select(m => Hash(m.Groups[1].Value)).Distinct();
            var styles = InlineStyle().Matches(html).Select(m => Hash(m.Groups[1].Value)).Distinct();
            var policy = $"default-src 'none'; script-src {string.Join(' ', scripts.DefaultIfEmpty("'none'"))}; " +
                         $"style-src {string.Join(' ', styles.DefaultIfEmpty("'none'"))}; img-src 'self' data:; " +
                         "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return new RenderedPage(html, policy);
        }

        private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";
    }

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}
