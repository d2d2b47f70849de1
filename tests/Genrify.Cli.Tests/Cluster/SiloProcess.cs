using System.Diagnostics;

namespace Genrify.Cli.Tests.Cluster;

/// <summary>A <c>genrify cluster silo</c> process of the built CLI, started and waited for until it has joined.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private SiloProcess(Process process) => _process = process;

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<SiloProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(Program).Assembly.Location, "cluster", "silo" }.Concat(args)) start.ArgumentList.Add(a);
        var silo = new SiloProcess(Process.Start(start)!);
        var joined = new TaskCompletionSource();
        silo._process.OutputDataReceived += (_, e) =>
        {
            silo.Append(e.Data);
            if (e.Data?.StartsWith("silo ", StringComparison.Ordinal) == true && e.Data.Contains(" joined cluster ", StringComparison.Ordinal)) joined.TrySetResult();
        };
        silo._process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        var exited = silo._process.WaitForExitAsync();
        if (await Task.WhenAny(joined.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != joined.Task)
        {
            silo.Dispose();
            throw new InvalidOperationException($"the silo did not join: {silo.Log}");
        }
        return silo;
    }

    /// <summary>SIGKILL: no handler runs, nothing is given back.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
