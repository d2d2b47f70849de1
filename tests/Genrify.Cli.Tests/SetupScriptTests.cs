using System.Diagnostics;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// scripts/setup.sh, which <c>./genrify</c> runs before its first answer: one line saying what it installs, apt's
/// chatter in a log shown only on failure. apt-get and sudo are stand-ins on PATH, so nothing is installed and no
/// network is needed.
/// </summary>
public class SetupScriptTests
{
    private const string Package = "genrify-test-package";

    private static (int Exit, string Out, string[] ErrorLines) RunSetup(TempFolder temp, bool aptFails)
    {
        var bin = temp.PathOf("bin");
        Directory.CreateDirectory(bin);
        // The stand-in apt-get talks as much as the real one does on a fresh machine; `install` fails when asked.
        WriteExecutable(Path.Combine(bin, "apt-get"), """
            #!/bin/sh
            i=0; while [ $i -lt 300 ]; do echo "Get:$i stand-in apt line"; i=$((i+1)); done
            case "$*" in *install*) if [ "$STUB_APT_FAIL" = 1 ]; then echo "E: Unable to locate package genrify-test-package" >&2; exit 100; fi;; esac
            exit 0
            """);
        WriteExecutable(Path.Combine(bin, "sudo"), "#!/bin/sh\nexec \"$@\"\n");

        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(TestData.RepositoryRoot, "scripts", "setup.sh"));
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GENRIFY_SETUP_EXTRA"] = Package;
        start.Environment["TMPDIR"] = temp.Root;
        start.Environment["STUB_APT_FAIL"] = aptFails ? "1" : "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void An_installation_says_what_it_installs_in_one_line_and_keeps_apts_output_in_a_log()
    {
        using var temp = new TempFolder();
        var (exit, stdout, lines) = RunSetup(temp, aptFails: false);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(lines);
        Assert.StartsWith("setup: installing ", line);
        Assert.Contains(Package, line);
        var log = line[(line.IndexOf("log: ", StringComparison.Ordinal) + "log: ".Length)..].TrimEnd(')');
        Assert.StartsWith(temp.Root, log);
        Assert.Contains("Get:299 stand-in apt line", File.ReadAllText(log));
    }

    [Fact]
    public void A_failed_installation_shows_apts_output_and_fails()
    {
        using var temp = new TempFolder();
        var (exit, _, lines) = RunSetup(temp, aptFails: true);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("setup: installing ", lines[0]);
        Assert.Contains("E: Unable to locate package " + Package, lines);
        Assert.Contains(lines, l => l.StartsWith("setup: installing", StringComparison.Ordinal) && l.Contains("failed"));
    }
}
