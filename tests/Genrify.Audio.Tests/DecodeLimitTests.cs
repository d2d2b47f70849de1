using System.Diagnostics;

namespace Genrify.Audio.Tests;

/// <summary>
/// Files that would take unbounded memory or time: long audio in a small file, endless or stalled decoder output,
/// FIFOs and devices. Each is cut at <see cref="LoadOptions.MaxDuration"/> with a warning, stopped by its cancellation,
/// or refused with a reason, and never hangs.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DecodeLimitTests : IDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("genrify-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Trait("Category", "Slow")]
    [Fact]
    public void Long_flac_is_cut_at_the_limit_with_a_warning_and_memory_stays_with_the_window()
    {
        // 20 minutes of stereo silence: about 1 MB of FLAC, 423 MB as float frames.
        string flac = Ffmpeg("-f lavfi -i anullsrc=r=44100:cl=stereo -t 1200 -c:a flac -compression_level 0", "long.flac");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var audio = AudioLoader.Load(flac, new LoadOptions { SampleRate = null, MaxDuration = 10 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("soundfile", audio.Backend);
        Assert.Equal(10 * 44100, audio.Samples.Length);
        Assert.Contains(audio.Warnings, w => w == $"{flac}: only the first 10 s of 1200 s decoded (the limit is 10 s)");
        Assert.InRange(allocated, 0, 20_000_000);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Long_aac_through_ffmpeg_is_read_as_a_stream_and_ffmpeg_stopped_at_the_limit()
    {
        string m4a = Ffmpeg("-f lavfi -i sine=f=440:r=22050 -t 300 -c:a aac -b:a 32k", "long.m4a");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var audio = AudioLoader.Load(m4a, new LoadOptions { SampleRate = null, MaxDuration = 5 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("ffmpeg", audio.Backend);
        Assert.Equal(5 * 22050, audio.Samples.Length);
        Assert.Contains(audio.Warnings, w => w.StartsWith($"{m4a}: only the first 5 s decoded (the limit is 5 s", StringComparison.Ordinal));
        // The whole file as 16-bit WAV would be 13 MB and its samples 26 MB.
        Assert.InRange(allocated, 0, 8_000_000);
    }

    [Fact]
    public void The_limit_changes_nothing_for_a_shorter_file()
    {
        string clip = Genrify.Tests.Shared.TestData.Audio("clip09_edm_128_5s_aac.m4a");
        var whole = AudioLoader.Load(clip);
        var limited = AudioLoader.Load(clip, new LoadOptions { MaxDuration = 600 });
        Assert.Equal(whole.Samples, limited.Samples);
        Assert.Equal(whole.Warnings, limited.Warnings);
    }

    [Fact]
    public void Endless_decoder_output_stops_at_the_limit()
    {
        // A stand-in for ffmpeg that writes a WAV header and then silence for ever.
        string fake = Script("endless", "printf 'RIFF\\377\\377\\377\\377WAVEfmt \\020\\000\\000\\000\\001\\000\\001\\000\\100\\037\\000\\000\\200\\076\\000\\000\\002\\000\\020\\000data\\377\\377\\377\\377'; exec cat /dev/zero");
        var audio = Run(() => AudioLoader.Load(NotAudio(), new LoadOptions { SampleRate = null, MaxDuration = 3, FfmpegPath = fake }));
        Assert.Equal(3 * 8000, audio.Samples.Length);
        Assert.Contains(audio.Warnings, w => w.Contains("only the first 3 s decoded", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_kills_a_stalled_ffmpeg()
    {
        string pidFile = Path.Combine(_folder, "pid");
        string fake = Script("stalled", $"echo $$ > '{pidFile}'; exec sleep 600");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Run(() => AudioLoader.Load(NotAudio(), new LoadOptions { FfmpegPath = fake, Cancel = cancel.Token })));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        AssertGone(int.Parse(File.ReadAllText(pidFile)));
    }

    [Fact]
    public void A_stalled_ffmpeg_times_out_with_a_reason()
    {
        string pidFile = Path.Combine(_folder, "pid");
        string fake = Script("stalled", $"echo $$ > '{pidFile}'; exec sleep 600");
        var e = Assert.Throws<AudioDecodeException>(() =>
            Run(() => AudioLoader.Load(NotAudio(), new LoadOptions { FfmpegPath = fake, FfmpegTimeout = TimeSpan.FromSeconds(1) })));
        Assert.Contains("ffmpeg did not finish within 1 s", e.Reason);
        AssertGone(int.Parse(File.ReadAllText(pidFile)));
    }

    [Fact]
    public void Cancelling_stops_a_long_soundfile_decode()
    {
        string flac = Ffmpeg("-f lavfi -i anullsrc=r=44100:cl=stereo -t 600 -c:a flac -compression_level 0", "long.flac");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AudioLoader.Load(flac, new LoadOptions { Cancel = cancel.Token }));
    }

    [Theory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("link-to-zero.wav", "character device")]
    [InlineData("pipe.wav", "FIFO")]
    public void Fifos_and_devices_are_refused_without_opening_them(string name, string kind)
    {
        string path = name.StartsWith('/') ? name : Path.Combine(_folder, name);
        if (name.StartsWith("link", StringComparison.Ordinal)) File.CreateSymbolicLink(path, "/dev/zero");
        if (name.StartsWith("pipe", StringComparison.Ordinal)) RunTool("mkfifo", path);

        var e = Assert.Throws<AudioDecodeException>(() => Run(() => AudioLoader.Load(path)));
        Assert.Equal($"not a regular file ({kind})", e.Reason);
        Assert.Equal(kind == "FIFO" ? FileKind.Fifo : FileKind.CharacterDevice, FileStatus.Of(path).Kind);
    }

    [Fact]
    public void File_status_tells_links_from_their_targets_and_one_file_by_two_names()
    {
        string link = Path.Combine(_folder, "folder-link");
        Directory.CreateSymbolicLink(link, _folder);
        Assert.Equal(FileKind.Directory, FileStatus.Of(link).Kind);
        Assert.Equal(FileKind.SymbolicLink, FileStatus.OfLink(link).Kind);
        Assert.Equal(FileStatus.Of(_folder), FileStatus.Of(link));
        Assert.True(FileStatus.Of(_folder).HasIdentity);
        Assert.NotEqual(FileStatus.Of(_folder), FileStatus.Of(Path.GetTempPath()));
        Assert.Equal(FileKind.Regular, FileStatus.Of(Genrify.Tests.Shared.TestData.Audio("clip09_edm_128_5s_aac.m4a")).Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(Path.Combine(_folder, "nothing", "here.wav")).Kind);
    }

    // Fails the test instead of hanging it.
    private static T Run<T>(Func<T> load)
    {
        var task = Task.Run(load);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Hang)) Assert.Fail($"still running after {Hang.TotalSeconds} s");
        return task.GetAwaiter().GetResult();
    }

    private static void AssertGone(int pid)
    {
        for (int i = 0; i < 50 && File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("zombie"); i++)
            Thread.Sleep(100);
        Assert.True(!File.Exists($"/proc/{pid}/status") || File.ReadAllText($"/proc/{pid}/status").Contains("zombie"), $"process {pid} still runs");
    }

    // Bytes libsndfile does not recognise, so the (fake) ffmpeg is asked.
    private string NotAudio()
    {
        string path = Path.Combine(_folder, "song.m4a");
        File.WriteAllBytes(path, new byte[1024]);
        return path;
    }

    private string Script(string name, string body)
    {
        string path = Path.Combine(_folder, name + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string Ffmpeg(string arguments, string name)
    {
        string path = Path.Combine(_folder, name);
        RunTool("ffmpeg", $"-v error -y {arguments} {path}");
        return path;
    }

    private static void RunTool(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {errors}");
    }
}
