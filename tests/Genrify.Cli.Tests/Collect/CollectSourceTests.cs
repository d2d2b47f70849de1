using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace Genrify.Cli.Tests.Collect;

/// <summary>
/// <c>genrify collect --source deezer</c> against a loopback Deezer (the recorded answers of
/// tests/data/collect/catalogs/deezer, previews served as distinct small clips), then <c>genrify train</c> on the folder;
/// and <c>genrify collect --from-tags</c> on tagged clips.
/// </summary>
public sealed class CollectSourceTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _wav = File.ReadAllBytes(TestData.Audio("clip09_edm_128_u8_8k.wav"));
    private LoopbackHttp _server = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttp.StartAsync(Answer);
        _base = _server.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    // Deezer's paths to the recorded answers; /preview/N.mp3 to a clip that differs per N.
    private async Task Answer(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (parts is ["preview", var file] && int.TryParse(Path.GetFileNameWithoutExtension(file), out int n))
        {
            var bytes = (byte[])_wav.Clone();
            bytes[^1] = (byte)n;
            bytes[^2] = (byte)(n >> 8);
            context.Response.ContentType = "audio/wav";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }
        string? fixture = parts switch
        {
            ["genre"] => "genre.json",
            ["genre", var id, "artists"] => context.Request.Query["index"] is { Count: 1 } index && index[0] != "0"
                ? $"genre-{id}-artists-index-{index[0]}.json" : $"genre-{id}-artists.json",
            ["artist", var id, "top"] => $"artist-{id}-top.json",
            ["album", var id] => $"album-{id}.json",
            _ => null,
        };
        var path = fixture is null ? null : Path.Combine(TestData.Directory, "collect", "catalogs", "deezer", fixture);
        if (path is null || !File.Exists(path))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(File.ReadAllText(path).Replace("{base}", _base, StringComparison.Ordinal), context.RequestAborted);
    }

    [Fact]
    public void A_catalog_collection_is_downloaded_and_trained_on_as_it_is()
    {
        var output = _temp.PathOf("deezer");
        var collect = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", "--source", "deezer", "--genres", "rock,pop", "--per-genre", "2",
            "--base-url", _base, "--rate", "0", "--out", output);
        Assert.True(collect.ExitCode == 0, collect.Error + collect.Out);
        var catalog = File.ReadAllLines(Path.Combine(output, "catalog.csv"));
        Assert.StartsWith("id,genre,track_name,preview_url,location,filename,artist,artist_uri,album,release_date,source", catalog[0]);
        Assert.All(catalog.Skip(1), line => Assert.StartsWith("deezer:", line));
        Assert.Contains("collected ", collect.Out);

        var train = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "train", output, "--preset", "seed", "--cv", "0", "--no-cache", "--out", _temp.PathOf("m.json"));
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("classes pop, rock", train.Out);
    }

    [Fact]
    public void A_source_without_genres_or_an_unknown_source_is_a_usage_error()
    {
        var noGenres = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", "--source", "deezer", "--out", _temp.PathOf("a"));
        Assert.Equal(2, noGenres.ExitCode);
        Assert.Contains("--genres", noGenres.Error);
        var unknown = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", "--source", "napster", "--genres", "rock", "--out", _temp.PathOf("b"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown catalog", unknown.Error);
        var both = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", "m.csv", "--source", "deezer", "--out", _temp.PathOf("c"));
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public void Tagged_files_become_a_manifest_that_train_reads()
    {
        var library = _temp.PathOf("library");
        Directory.CreateDirectory(library);
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.Directory, "collect", "tags")).Where(f => !f.EndsWith(".md") && !f.EndsWith(".sh")))
            File.Copy(file, Path.Combine(library, Path.GetFileName(file)));
        var manifest = _temp.PathOf("lists/tags.csv");
        var run = CliRun.Of(Genrify.Pipeline.GenrifyPresets.All, "collect", "--from-tags", library, "--out", manifest);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("wrote " + manifest + ": 4 songs", run.Out);
        var songs = Genrify.Features.Collections.ManifestCollection.Read(manifest);
        Assert.Empty(songs.Skipped);
        Assert.Equal(4, songs.Tracks.Count);
        Assert.Contains(songs.Tracks, t => t.Genres.Contains("Rock"));
    }
}
