using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Data;
using Genrify.Features;
using Genrify.Learning;
using Genrify.Pipeline;

namespace Genrify.Cli.Commands;

/// <summary>The options shared by <c>train</c> and <c>evaluate</c>: what to learn from, and how to extract it.</summary>
internal sealed class SourceOptions
{
    public Argument<string> Source { get; } = new("source")
    {
        Description = "A feature table (.csv/.parquet), a folder of part files (extract --shard, cluster run), a folder with one subfolder per genre, or a manifest CSV",
    };

    public Option<string> Preset { get; } = new("--preset", "-p")
    {
        Description = $"Preset used to extract audio collections: {CommonOptions.PresetHelp}; default {CommonOptions.DefaultCollectionPreset}",
        DefaultValueFactory = _ => CommonOptions.DefaultCollectionPreset,
    };

    public Option<int> Jobs { get; } = Commands.Jobs.Option("Parallel workers for extraction");

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Do not read or write the feature cache" };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for shuffling and models", DefaultValueFactory = _ => 0 };

    public Option<string?> Taxonomy { get; } = new("--taxonomy")
    {
        Description = "Genre families: a file of 'family: genre, genre' lines or genre,parent CSV rows (default: the source's parent or family column)",
    };

    public Option<string?> TaxonomyColumn { get; } = new("--taxonomy-column")
    {
        Description = "The column of the table or manifest that gives each row's parent genre (default: parent or family, when present)",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Source);
        command.Options.Add(Preset);
        command.Options.Add(Jobs);
        command.Options.Add(NoCache);
        command.Options.Add(Seed);
        command.Options.Add(Taxonomy);
        command.Options.Add(TaxonomyColumn);
    }

    /// <summary>The library context of a run: seeded with <c>--seed</c>, extracting with the command line's presets.</summary>
    public GenrifyContext Genrify(CliContext context, ParseResult parse) => new(parse.GetValue(Seed), context.Presets);

    /// <summary>Loads the source; on failure prints one line and returns null. <paramref name="columns"/> names the
    /// columns of groups and folds (<c>--group-by</c>, <c>--fold-column</c>) when they are not the usual ones. The genre
    /// families come from <c>--taxonomy</c> (read first, before any extraction), else from the source's column of parents.</summary>
    public TrainingData? Load(CliContext context, ParseResult parse, CancellationToken cancel, bool includeSpotify = false, TableColumns? columns = null)
    {
        string source = parse.GetValue(Source)!;
        GenreTaxonomy? taxonomy = null;
        if (parse.GetValue(Taxonomy) is { } taxonomyFile)
        {
            try { taxonomy = GenreTaxonomy.Load(taxonomyFile); }
            catch (InvalidDataException e) { context.Fail(e.Message); return null; }
        }
        try
        {
            var data = Genrify(context, parse).Data.Load(source, parse.GetValue(Preset)!, new TrainingSourceOptions
            {
                Jobs = Commands.Jobs.Resolve(context, parse.GetValue(Jobs)),
                UseCache = !parse.GetValue(NoCache),
                IncludeSpotifyFeatures = includeSpotify,
                Columns = columns,
                Taxonomy = taxonomy,
                TaxonomyColumn = parse.GetValue(TaxonomyColumn),
                Progress = new PlainProgress(context.Error),
                Cancel = cancel,
            });
            if (data.Extraction is { } extraction)
            {
                foreach (var warning in extraction.Warnings) context.Warn(warning);
                foreach (var skipped in extraction.Skipped) context.Warn($"skipped {skipped.File}: {skipped.Reason}");
            }
            // Families that hold none of the source's genres are most likely misspelt: say so rather than report nothing.
            if (data.Taxonomy is { } families && data.Data.ClassNames.All(g => families.Parent(g) is null))
                context.Warn($"{parse.GetValue(Taxonomy) ?? source}: no genre of {source} has a parent there ({string.Join(", ", data.Data.ClassNames)})");
            return data;
        }
        catch (Exception e) when (e is FeatureTableException or UnknownPresetException or PresetUnavailableException or FileNotFoundException or InvalidDataException or IOException or ArgumentException)
        {
            string message = UserMessages.Of(e);
            // A table's messages name its file; the line names the source as given, once.
            var fileName = Path.GetFileName(Path.TrimEndingDirectorySeparator(source)) + ": ";
            if (message.StartsWith(fileName, StringComparison.Ordinal)) message = message[fileName.Length..];
            context.Fail(message.StartsWith(source, StringComparison.Ordinal) ? message : $"{source}: {message}");
            return null;
        }
    }
}
