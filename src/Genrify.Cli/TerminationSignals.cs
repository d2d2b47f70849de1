using System.Runtime.InteropServices;

namespace Genrify.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM during one run. The first cancels <see cref="Token"/>: the command stops at its next
/// check, says so in one line, and the process exits 130 (143 after SIGTERM). A second one, while the run is still
/// stopping, ends the process at once by that signal's own default action (the shell sees 130 or 143 again): a run
/// that is slow to stop, in a network call or a model fit, can always be left.
/// </summary>
/// <remarks>
/// System.CommandLine's own handler is switched off where this is used: its second signal completed a finished task
/// again and aborted the process (exit 134) with a stack trace.
/// </remarks>
internal sealed partial class TerminationSignals : IDisposable
{
    private const int SigInt = 2, SigTerm = 15;

    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received; // the first signal's number; 0 until one arrives

    /// <summary>Handles both signals until disposed; the one-line notice of the first goes to <paramref name="error"/>.</summary>
    public TerminationSignals(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code of a run stopped by a signal: 128 + its number (130 for Ctrl+C, 143 for SIGTERM); null
    /// while none has arrived.</summary>
    public int? ExitCode => Volatile.Read(ref _received) is var signal and > 0 ? 128 + signal : null;

    private void OnSignal(PosixSignalContext context)
    {
        int signal = context.Signal == PosixSignal.SIGINT ? SigInt : SigTerm;
        context.Cancel = true; // the run stops itself, through the token
        if (Interlocked.CompareExchange(ref _received, signal, 0) != 0)
        {
            ExitNow(signal);
            return;
        }
        try
        {
            _error.WriteLine("genrify: stopping (Ctrl+C again quits at once)");
            _cancel.Cancel();
        }
        catch (Exception e) when (e is AggregateException or ObjectDisposedException or IOException)
        {
            // A cancellation callback that fails must not end the process from the signal's thread; the run still
            // sees the cancelled token.
        }
    }

    // Restores the signal's default action and sends it again, so the process ends the way an unhandled Ctrl+C ends
    // it; Environment.Exit only where that is not possible (Windows), or if the signal somehow did not arrive.
    private static void ExitNow(int signal)
    {
        if (!OperatingSystem.IsWindows())
        {
            SetDisposition(signal, 0 /* SIG_DFL */);
            Kill(Environment.ProcessId, signal);
        }
        Environment.Exit(128 + signal);
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetDisposition(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
