using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Genrify.Bench;

/// <summary>A <c>genrify serve</c> child process for the suites that load a live server (<c>web</c>, <c>soak</c>).</summary>
internal static partial class ServeProcess
{
    /// <summary>
    /// Starts <c><paramref name="genrify"/> serve --port 0 ARGS</c> in <paramref name="root"/> with
    /// <paramref name="environment"/> added, and waits for the address it prints (the first run of ./genrify publishes
    /// the CLI, so up to 10 minutes). The script execs the published binary: the process is the server itself.
    /// </summary>
    public static Process Start(string root, string genrify, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment,
        out string address)
    {
        var psi = new ProcessStartInfo(genrify)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "serve", "--port", "0" }.Concat(arguments)) psi.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var server = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {genrify}");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Both streams are drained for the whole run: a full pipe would stall the server's logging.
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(m.Value);
        };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.EnableRaisingEvents = true;
        server.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"genrify serve exited with {server.ExitCode} before listening"));
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromMinutes(10))) { Stop(server); throw new TimeoutException("genrify serve did not start listening within 10 minutes"); }
        address = listening.Task.Result;
        return server;
    }

    /// <summary>SIGTERM (a clean ASP.NET shutdown), then SIGKILL if it lingers.</summary>
    public static void Stop(Process server)
    {
        if (server.HasExited) return;
        _ = SendSignal(server.Id, 15);
        if (!server.WaitForExit(TimeSpan.FromSeconds(15))) server.Kill();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"http://[0-9.:\[\]]+")]
    private static partial Regex ListeningLine();
}
