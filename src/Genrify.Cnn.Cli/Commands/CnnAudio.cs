using Genrify.Cli;
using Genrify.Deep;
using Genrify.Features.Collections;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>Loads an audio collection's log-mels for the CNN commands, reporting progress, warnings and skips on the error stream.</summary>
internal static class CnnAudio
{
    /// <summary>The collection's log-mels, or null after one line saying why it cannot be used.</summary>
    public static LogMelCollection? Load(CliContext context, string source, IReadOnlyList<Track>? tracks, LogMelSettings settings,
                                         int jobs, bool noCache, CancellationToken cancel)
    {
        var options = new LogMelCollectionOptions
        {
            Jobs = Genrify.Cli.Commands.Jobs.Resolve(context, jobs),
            UseCache = !noCache,
            Progress = new FileCount(context.Error),
            Cancel = cancel,
        };
        try
        {
            var collection = tracks is null ? LogMelCollection.Load(source, settings, options) : LogMelCollection.Load(tracks, settings, options);
            foreach (var warning in collection.Warnings) context.Warn(warning);
            foreach (var skipped in collection.Skipped) context.Warn($"skipped {skipped.File}: {skipped.Reason}");
            if (collection.Examples.Count == 0) { context.Fail($"{source}: no usable audio"); return null; }
            return collection;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or ArgumentException)
        {
            context.Fail(e.Message.StartsWith(source, StringComparison.Ordinal) ? e.Message
                : $"{source}: {e.Message} (the cnn reads audio: a folder with one subfolder per genre, or a manifest CSV)");
            return null;
        }
    }

    /// <summary>"genrify: analysed 40/240 files" about every 10 %.</summary>
    private sealed class FileCount(TextWriter writer) : IProgress<(int Done, int Total)>
    {
        private readonly Lock _gate = new();
        private int _last;

        public void Report((int Done, int Total) value)
        {
            lock (_gate)
            {
                if (value.Done - _last < Math.Max(1, value.Total / 10) && value.Done != value.Total) return;
                _last = value.Done;
                writer.WriteLine($"genrify: analysed {value.Done}/{value.Total} files");
            }
        }
    }
}
