using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Genrify.Cli;

/// <summary><c>genrify --version</c>: the version, then the credits of the pretrained network it ships.</summary>
internal sealed class VersionWithCredits(CliContext context) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var version = typeof(VersionWithCredits).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        context.Out.WriteLine($"genrify {version.Split('+')[0]}");
        context.Out.WriteLine(Genrify.Pretrained.Credits.MusiCnn);
        return ExitCodes.Ok;
    }
}
