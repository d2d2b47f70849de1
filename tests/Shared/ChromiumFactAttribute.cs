namespace Genrify.Tests.Shared;

/// <summary>
/// A test that drives Debian's chromium (the web page, the offline report). It is skipped, saying why, only when the browser is not installed
/// (<c>bash scripts/test.sh</c> installs it through <c>scripts/setup.sh --browser</c>).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The binary Debian's <c>chromium</c> package installs; Playwright never downloads a browser of its own here.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Marks the test skipped when <see cref="ExecutablePath"/> is absent.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"{ExecutablePath} is missing: run `bash scripts/setup.sh --browser` (apt-get install chromium) to run the browser tests";
    }
}
