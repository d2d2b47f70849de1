using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Genrify.Audio;
using Genrify.Cluster.Nearest;
using Genrify.Features;

namespace Genrify.Cli.Commands.Cluster;

/// <summary>
/// <c>genrify cluster nearest SONG... --store STORE [--k 5]</c>: the songs of a feature store (written by
/// <c>cluster run</c> or <c>extract --shard</c>) nearest to each song, searched across the cluster: every part of the
/// store is held by some silo, a query goes to all of them and their answers are merged. Songs are compared in the
/// store's pretrained embedding when it has one, else in all its features, standardised over the whole store.
/// </summary>
internal static class ClusterNearestCommand
{
    public static Command Create(CliContext context)
    {
        var connection = ClusterConnection.Create();
        var songs = new Argument<string[]>("songs") { Description = "Audio files", Arity = ArgumentArity.OneOrMore };
        var store = new Option<string>("--store") { Description = "The feature store: a folder of part files (every silo must see it)", Required = true };
        var k = new Option<int>("--k") { Description = "Songs to name per query", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "One JSON object per song" };
        var command = new Command("nearest", "The songs of a feature store nearest to each song, searched across the cluster") { songs, store, k, json };
        foreach (var option in connection.ClientOptions) command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            if (connection.Client(context, parse) is not { } settings) return ExitCodes.Usage;
            int count = parse.GetValue(k);
            if (count is < 1 or > 1000) { context.Fail($"--k must be from 1 to 1000, got {count}"); return ExitCodes.Usage; }
            using var host = await ClusterConnection.ConnectAsync(context, settings, TimeSpan.FromSeconds(10), cancel);
            if (host is null) return ExitCodes.InputFailed;
            ClusterNearestSearch search;
            IFeaturePreset preset;
            try
            {
                search = await ClusterNearestSearch.OpenAsync(ClusterConnection.ClientOf(host), Path.GetFullPath(parse.GetValue(store)!));
                preset = context.Presets.Get(search.PresetName
                    ?? throw new InvalidDataException($"{parse.GetValue(store)}: its parts do not name their preset (CSV parts); extract to Parquet parts"));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or Data.FeatureTableException or OrleansException or PresetUnavailableException)
            {
                context.Fail(UserMessages.Of(e));
                return ExitCodes.InputFailed;
            }
            var positions = search.Columns.Select(c => IndexOf(preset.FeatureNames, c)).ToArray();
            int failures = 0;
            foreach (var song in parse.GetValue(songs)!)
            {
                double[] values;
                try
                {
                    var audio = ClipDecoder.Decode(song, preset.SampleRate, ClipWindow.Default, cancel: cancel);
                    values = preset.Extract(audio.Samples);
                }
                catch (AudioDecodeException e) { failures++; context.Fail(e.Message); continue; }
                var found = await search.NearestAsync(positions.Select(p => values[p]).ToArray(), count);
                Print(context, song, found, parse.GetValue(json));
            }
            return failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        });
        return command;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new InvalidDataException($"the store's column {name} is not one of its preset's features");
    }

    private static void Print(CliContext context, string song, IReadOnlyList<NearSong> found, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                file = song,
                nearest = found.Select(n => new { id = n.Id, file = n.File, genres = n.Genres, distance = n.Distance }),
            }));
            return;
        }
        context.Out.WriteLine($"{song}:");
        foreach (var n in found)
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n.Distance,8:0.000}  {n.Id}  ({string.Join(", ", n.Genres)})"));
    }
}
