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
}
