namespace Genrify.Collect.Tests.Catalogs;

/// <summary>The recorded catalog answers under tests/data/collect/catalogs.</summary>
internal static class CatalogFixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Genrify.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    });

    public static string Path(string name) => System.IO.Path.Combine(Root.Value, "tests", "data", "collect", "catalogs", name);

    public static string Audio(string name) => System.IO.Path.Combine(Root.Value, "tests", "data", "audio", name);

    /// <summary>A row's fields as one comparable value (the record's Extra compares by reference).</summary>
    public static string Fields(ManifestRow r) =>
        string.Join(" | ", r.Id, r.Genre, r.TrackName, r.PreviewUrl, r.Location, r.Artist, r.ArtistUri, r.Album, r.ReleaseDate, r.Source,
            string.Join(",", r.Extra.Select(e => e.Key + "=" + e.Value)));

    /// <summary>A client with the product's retries and pacing, but short backoff so tests stay fast.</summary>
    public static HttpClient ResilientClient(int maxRetries = 3) => Genrify.Collect.Catalogs.CatalogHttp.CreateClient(new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        RequestsPerWindow = null,
    });
}
