using Genrify.Audio;
using Genrify.Features.Collections;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>A folder collection picks up exactly the files whose extension an upload keeps, and every fixture format is one.</summary>
public sealed class AudioExtensionAgreementTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "genrify-extension-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Folder_collections_and_uploads_accept_the_same_names()
    {
        string[] others = [".txt", ".exe", ".json", ".mid", ".pdf", ".sh", ".m3u", ""];
        var candidates = AudioFormats.Extensions.Concat(AudioFormats.Extensions.Select(e => e.ToUpperInvariant())).Concat(others).ToArray();
        var genre = Directory.CreateDirectory(Path.Combine(_root, "genre")).FullName;
        for (int i = 0; i < candidates.Length; i++)
            File.WriteAllBytes(Path.Combine(genre, $"song{i}{candidates[i]}"), [0]);

        var picked = TrackCollection.Open(_root).Tracks.Select(t => Path.GetExtension(t.Path)).Order(StringComparer.Ordinal);
        var kept = candidates.Where(e => UploadNames.TempExtension("song" + e) != "").Order(StringComparer.Ordinal);

        Assert.Equal(kept, picked);
        Assert.Equal(2 * AudioFormats.Extensions.Count, picked.Count());
    }

    [Fact]
    public void Every_fixture_clip_has_an_accepted_extension()
    {
        var clips = TestData.ClipsWithReference().ToArray();
        Assert.NotEmpty(clips);
        Assert.All(clips, clip => Assert.Contains(Path.GetExtension(clip), AudioFormats.Extensions));
    }
}
