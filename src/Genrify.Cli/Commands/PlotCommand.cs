using System.CommandLine;
using Genrify.Features.Collections;
using Genrify.Pipeline.Insight;
using Genrify.Reports;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify plot SOURCE [--by genre] [--feature F]... [--style violin|box] --out DIR</c>: the pictures a collection is
/// first looked at with, as PNGs: each feature's distribution per genre (by default the study's tempo, loudness and
/// energy), the class balance, the feature correlations and, for audio collections, each genre's spectral fingerprint.
/// </summary>
public sealed class PlotCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var source = new SourceOptions();
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the PNGs into", Required = true };
        var by = new Option<string>("--by") { Description = "What to group songs by (genre)", DefaultValueFactory = _ => "genre" };
        var features = new Option<string[]>("--feature", "-f")
        {
            Description = "A feature to draw per genre (repeatable): a column name, or tempo, loudness, energy (the default: those three)",
            AllowMultipleArgumentsPerToken = true,
        };
        var style = new Option<string>("--style") { Description = "violin or box", DefaultValueFactory = _ => "violin" };
        var command = new Command("plot", "Draw a collection's features per genre, its class balance, correlations and genre fingerprints") { output, by, features, style };
        source.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse, source, parse.GetValue(output)!, parse.GetValue(by)!,
            parse.GetValue(features) ?? [], parse.GetValue(style)!, cancel)));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, SourceOptions source, string folder, string by, string[] features, string styleName,
        CancellationToken cancel)
    {
        if (!by.Equals("genre", StringComparison.OrdinalIgnoreCase)) { context.Fail($"--by {by}: only 'genre' is known"); return ExitCodes.Usage; }
        if (!Enum.TryParse<DistributionStyle>(styleName, ignoreCase: true, out var style) || !Enum.IsDefined(style))
        {
            context.Fail($"--style {styleName}: use violin or box");
            return ExitCodes.Usage;
        }
        if (!OutputPaths.CheckFolder(context, "--out", folder)) return ExitCodes.Usage;
        var loaded = source.Load(context, parse, cancel);
        if (loaded is null) return ExitCodes.InputFailed;
        var sourcePath = parse.GetValue(source.Source)!;
        try
        {
            // A named feature the table lacks is a usage error, found before anything is drawn.
            CollectionPictures.Describe(loaded.Data.FeatureNames, features);
            GenreFingerprints? fingerprints = null;
            if (loaded.Extraction is not null)
            {
                fingerprints = GenreFingerprints.Compute(TrackCollection.Open(sourcePath), Jobs.Resolve(context, parse.GetValue(source.Jobs)),
                    parse.GetValue(source.NoCache) ? "" : null, cancel: cancel);
                foreach (var skipped in fingerprints.Skipped) context.Warn($"fingerprints: skipped {skipped.File}: {skipped.Reason}");
            }
            else context.Error.WriteLine("genrify: note: a feature table has no audio: no genre fingerprints (give the folder or manifest to draw them)");
            var written = CollectionPictures.Write(loaded.Data, folder, features, style, fingerprints);
            foreach (var picture in written) context.Out.WriteLine($"wrote {picture.Path}: {picture.Caption}");
            return ExitCodes.Ok;
        }
        catch (UnknownFeatureException e)
        {
            context.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            context.Fail($"{sourcePath}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Fail($"--out {folder}: {UserMessages.Of(e)}");
            return ExitCodes.InputFailed;
        }
    }
}
