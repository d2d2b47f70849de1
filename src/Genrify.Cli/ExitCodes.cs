namespace Genrify.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>Some input failed (the others were still processed), or nothing usable came out.</summary>
    public const int InputFailed = 1;

    /// <summary>The command line itself is wrong: unknown option or preset, missing argument, bad value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT), as shells report it: 128 + 2. SIGTERM gives 143 (128 + 15).</summary>
    public const int Interrupted = 130;
}
