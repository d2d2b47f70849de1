using System.Text.Json.Nodes;
using Genrify.Dsp;

namespace Genrify.Web.Tests;

/// <summary>The pieces under the endpoints: names, accuracy reading, the gate, options, the spectrogram encoder.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("song.mp3", "song.mp3")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\Music\\track 01.flac", "track 01.flac")]
    [InlineData("  \"quoted.wav\"  ", "quoted.wav")]
    [InlineData("a\u0000b\u001Fc\u202Ed.ogg", "abcd.ogg")]
    [InlineData("..", "upload")]
    [InlineData("dir/", "upload")]
    [InlineData(null, "upload")]
    [InlineData("   ", "upload")]
    public void A_client_file_name_is_reduced_to_a_harmless_display_name(string? given, string expected) =>
        Assert.Equal(expected, UploadNames.Sanitise(given));

    [Fact]
    public void A_long_name_is_cut_without_splitting_a_character()
    {
        var name = UploadNames.Sanitise(new string('a', 119) + "😀😀.mp3");
        Assert.Equal(119, name.Length);
        Assert.Equal(UploadNames.MaxLength, UploadNames.Sanitise(new string('b', 500)).Length);
    }

    [Theory]
    [InlineData("song.MP3", ".mp3")]
    [InlineData("song.flac", ".flac")]
    [InlineData("song.exe", "")]
    [InlineData("song", "")]
    [InlineData("song.mp3.sh", "")]
    public void Only_audio_extensions_survive_on_the_temporary_file(string name, string extension) =>
        Assert.Equal(extension, UploadNames.TempExtension(name));

    [Fact]
    public void Accuracy_is_read_from_either_naming_and_ignored_when_unusable()
    {
        var camel = ModelAccuracy.From(new JsonObject { ["meanAccuracy"] = 0.7, ["stdAccuracy"] = 0.03, ["method"] = "stratified 10-fold", ["folds"] = 10 });
        Assert.Equal(new ModelAccuracy(0.7, 0.03, "stratified 10-fold", 10), camel);
        Assert.Equal(new ModelAccuracy(0.6, 0.1, null, null), ModelAccuracy.From((JsonObject)JsonNode.Parse("""{"mean_accuracy": 0.6, "std": 0.1}""")!));
        Assert.Null(ModelAccuracy.From(null));
        Assert.Null(ModelAccuracy.From(new JsonObject()));
        Assert.Null(ModelAccuracy.From(new JsonObject { ["meanAccuracy"] = "high" }));
        Assert.Null(ModelAccuracy.From(new JsonObject { ["meanAccuracy"] = 72.5 })); // a percentage is not a fraction
        Assert.Null(ModelAccuracy.From(new JsonObject { ["meanAccuracy"] = new JsonArray(0.7) }));
        Assert.Equal(new ModelAccuracy(0.7, null, null, null), ModelAccuracy.From(new JsonObject { ["meanAccuracy"] = 0.7, ["stdAccuracy"] = "x", ["method"] = 3, ["folds"] = 2.5 }));
    }

    [Fact]
    public async Task The_gate_admits_its_decoders_then_its_queue_then_refuses()
    {
        var gate = new DecodeGate(concurrency: 2, queueLength: 1);
        var a = await gate.TryEnterAsync(CancellationToken.None);
        var b = await gate.TryEnterAsync(CancellationToken.None);
        Assert.Equal(2, gate.Running);
        var waiting = gate.TryEnterAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None));

        a!.Dispose();
        a.Dispose(); // a lease releases once
        var c = await waiting;
        Assert.NotNull(c);
        Assert.Equal(2, gate.Running);
        Assert.Equal(0, gate.Waiting);
        b!.Dispose();
        c!.Dispose();
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_queue_place_back()
    {
        var gate = new DecodeGate(1, 1);
        using var held = await gate.TryEnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.TryEnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.Waiting);
        var next = gate.TryEnterAsync(CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted); // queued again, not refused
        held!.Dispose();
        (await next)!.Dispose();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -1)]
    public void The_gate_refuses_bad_limits(int concurrency, int queue) =>
        Assert.Throws<ArgumentException>(() => new DecodeGate(concurrency, queue));

    [Fact]
    public void Options_refuse_bad_settings_naming_them()
    {
        Assert.Contains("port", Assert.Throws<ArgumentException>(() => new WebOptions { Port = 70000 }.Validate()).Message);
        Assert.Contains("upload", Assert.Throws<ArgumentException>(() => new WebOptions { MaxUploadBytes = 0 }.Validate()).Message);
        Assert.Contains("concurrent", Assert.Throws<ArgumentException>(() => new WebOptions { MaxConcurrentDecodes = 0 }.Validate()).Message);
        Assert.Contains("queue", Assert.Throws<ArgumentException>(() => new WebOptions { QueueLength = -1 }.Validate()).Message);
        Assert.Contains("timeout", Assert.Throws<ArgumentException>(() => new WebOptions { RequestTimeout = TimeSpan.Zero }.Validate()).Message);
        new WebOptions().Validate();
        Assert.Equal("127.0.0.1", new WebOptions().Host);
    }

    [Fact]
    public void The_spectrogram_puts_low_bands_at_the_bottom_and_loud_cells_bright()
    {
        // Band 0 (lowest) loud, band 1 silent: the bottom row is bright, the row above it black.
        var db = new Matrix(2, 3, [0, 0, 0, -80, -80, -80]);
        var png = SpectrogramRenderer.EncodePng(db, out int width);
        Assert.Equal(3, width);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(2, bitmap.Height);
        Assert.Equal(new SkiaSharp.SKColor(252, 253, 191), bitmap.GetPixel(1, 1)); // magma's top colour
        Assert.Equal(new SkiaSharp.SKColor(0, 0, 4), bitmap.GetPixel(1, 0));       // magma's bottom colour
    }

    [Fact]
    public void A_long_spectrogram_is_pooled_to_the_widest_picture()
    {
        var db = new Matrix(4, 5000);
        var png = SpectrogramRenderer.EncodePng(db, out int width);
        Assert.Equal(SpectrogramRenderer.MaxWidth, width);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(SpectrogramRenderer.MaxWidth, bitmap.Width);
    }
}
