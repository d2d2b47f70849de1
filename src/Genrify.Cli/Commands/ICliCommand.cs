using System.CommandLine;

namespace Genrify.Cli.Commands;

/// <summary>
/// One <c>genrify</c> subcommand. To add one: write a class implementing this in Commands/ (one file per command)
/// and add one line to <see cref="GenrifyApp.Commands"/>.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command, with its action bound to <paramref name="context"/>.
    /// The action returns an <see cref="ExitCodes"/> value.</summary>
    Command Create(CliContext context);
}
