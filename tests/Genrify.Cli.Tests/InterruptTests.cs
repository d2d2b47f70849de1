using System.Diagnostics;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// Ctrl+C and SIGTERM sent, with <c>kill</c>, to a real <c>genrify</c> process while it works: a clean stop with 130
/// (143), and a second Ctrl+C that quits at once instead of aborting.
/// </summary>
public class InterruptTests
{
    private const int Clips = 40;

    [Fact]
    public void Ctrl_c_stops_extract_cleanly_with_exit_130()
    {
        using var temp = new TempFolder();
        var run = Interrupt(Extract(temp), "/40 files", "-INT");

        Assert.Equal(ExitCodes.Interrupted, run.Exit);
        Assert.Contains("genrify: interrupted; finished files are cached", run.Error);
        AssertNoCrash(run.Error);
        Assert.False(File.Exists(temp.PathOf("table.csv")));
    }

    [Fact]
    public void Sigterm_stops_extract_cleanly_with_exit_143()
    {
        using var temp = new TempFolder();
        var run = Interrupt(Extract(temp), "/40 files", "-TERM");

        Assert.Equal(143, run.Exit);
        Assert.Contains("genrify: interrupted", run.Error);
        AssertNoCrash(run.Error);
    }

    [Fact]
    public void Two_quick_ctrl_cs_exit_130_instead_of_aborting()
    {
        using var temp = new TempFolder();
        var run = Interrupt(Extract(temp), "/40 files", "-INT", "-INT");

        Assert.Equal(ExitCodes.Interrupted, run.Exit); // it was 134: System.CommandLine's handler aborted the process
        AssertNoCrash(run.Error);
    }

    [Fact]
    public void A_second_ctrl_c_quits_at_once_while_a_slow_step_is_still_stopping()
    {
        // logreg's evaluation is printed within a second; svm-cv's takes half a minute and checks for Ctrl+C only
        // when it is done, so the first Ctrl+C leaves it running and the second must end the process.
        var table = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");
        var run = Interrupt(["evaluate", table, "--model", "logreg,svm-cv", "--cv", "5"], "logreg", "-INT", "-INT");

        Assert.True(run.AliveAfterFirstSignal, "the run stopped before the second Ctrl+C: nothing was tested");
        Assert.Equal(ExitCodes.Interrupted, run.Exit);
        Assert.Equal("genrify: stopping (Ctrl+C again quits at once)", run.Error.Trim());
        Assert.True(run.SecondsAfterLastSignal < 10, $"it took {run.SecondsAfterLastSignal:F1} s to quit");
    }

    private sealed record Run(int Exit, string Error, bool AliveAfterFirstSignal, double SecondsAfterLastSignal);

    private static string[] Extract(TempFolder temp)
    {
        for (int i = 0; i < Clips; i++) temp.Copy("muldjord_armygeddon_30s.ogg", $"songs/metal/song{i:00}.ogg");
        return ["extract", temp.PathOf("songs"), "--preset", "full", "--out", temp.PathOf("table.csv"), "--jobs", "2", "--no-cache"];
    }

    // Starts genrify ARGS, waits for a line (stdout or stderr) containing `working`, then sends the signals with
    // `kill`, a third of a second apart.
    private static Run Interrupt(string[] args, string working, params string[] signals)
    {
        // env --default-signal: a test run started in the background inherits an ignored SIGINT, which .NET keeps.
        var start = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--default-signal=INT,TERM", "dotnet", typeof(Program).Assembly.Location }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        var started = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.AppendLine(e.Data);
            if (e.Data.Contains(working, StringComparison.Ordinal)) started.TrySetResult();
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && e.Data.Contains(working, StringComparison.Ordinal)) started.TrySetResult();
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        Assert.True(started.Task.Wait(TimeSpan.FromMinutes(2)), $"no '{working}' line: {error}");

        bool alive = true;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < signals.Length; i++)
        {
            if (i > 0)
            {
                Thread.Sleep(300);
                alive &= !process.HasExited;
            }
            using var kill = Process.Start("bash", ["-c", $"kill {signals[i]} {process.Id}"])!;
            kill.WaitForExit();
            clock.Restart();
        }
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "genrify did not stop");
        double seconds = clock.Elapsed.TotalSeconds;
        process.WaitForExit(); // the end of the redirected streams
        lock (error) return new Run(process.ExitCode, error.ToString(), alive, seconds);
    }

    private static void AssertNoCrash(string stderr)
    {
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("Abort", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", stderr);
    }
}
