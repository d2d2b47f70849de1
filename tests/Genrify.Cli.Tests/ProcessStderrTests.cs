using System.Diagnostics;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// The real process, not the in-process handler: native libraries write to file descriptor 2 directly, which only a
/// child process's stderr shows. An undecodable file must still give exactly one line.
/// </summary>
public class ProcessStderrTests
{
    private static (int Exit, string[] ErrorLines) RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Genrify.Cli.Program).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("text_renamed.mp3", "not an audio file")]
    [InlineData("empty.wav", "empty file")]
    [InlineData("nan_inf_f32.wav", "not finite")]
    public void An_undecodable_file_gives_one_stderr_line_and_exit_1(string file, string reason)
    {
        var (exit, lines) = RunCli("features", TestData.BadAudio(file), "--preset", "seed");
        Assert.Equal(1, exit);
        var line = Assert.Single(lines);
        Assert.Contains(file, line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public void A_truncated_mp3_gives_one_warning_naming_it_with_what_the_decoder_said()
    {
        var path = TestData.BadAudio("truncated_10k.mp3");
        var (exit, lines) = RunCli("features", path, "--preset", "seed");

        Assert.Equal(0, exit);
        AssertNoRawDecoderLines(lines);
        var line = Assert.Single(lines);
        Assert.Contains($"{path}: header claims 661794 frames, only 22511 could be decoded", line);
        Assert.Contains("decoder said: 'Warning: Xing stream size off by more than 1%", line);
    }

    [Fact]
    public void In_a_parallel_batch_each_truncated_mp3_gets_its_own_decoder_text()
    {
        // Two workers decode at once; each file's native text must land in that file's warning, none on raw stderr.
        var root = Directory.CreateTempSubdirectory("genrify-stderr-");
        try
        {
            var genre = Directory.CreateDirectory(Path.Combine(root.FullName, "blues"));
            var names = Enumerable.Range(1, 6).Select(i => $"cut{i}.mp3").ToArray();
            foreach (var name in names) File.Copy(TestData.BadAudio("truncated_10k.mp3"), Path.Combine(genre.FullName, name));

            var (exit, lines) = RunCli("extract", root.FullName, "--preset", "seed", "--out",
                Path.Combine(root.FullName, "table.csv"), "--jobs", "2", "--no-cache");

            Assert.Equal(0, exit);
            AssertNoRawDecoderLines(lines);
            foreach (var name in names)
            {
                var line = Assert.Single(lines, l => l.Contains(name) && l.Contains("could be decoded"));
                Assert.Contains("decoder said: 'Warning: Xing stream size off by more than 1%", line);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void AssertNoRawDecoderLines(string[] lines)
    {
        Assert.DoesNotContain(lines, l => l.StartsWith("Warning: Xing", StringComparison.Ordinal)
            || l.StartsWith("[src/libmpg123", StringComparison.Ordinal) || l.StartsWith("Note: ", StringComparison.Ordinal));
    }
}
