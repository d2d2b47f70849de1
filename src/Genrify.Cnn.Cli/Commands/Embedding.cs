using System.Text.Json.Nodes;
using Genrify.Cli;
using Genrify.Data;
using Genrify.Deep;
using Genrify.Features.Collections;
using ModelFileException = Genrify.Learning.ModelFileException;

namespace Genrify.Cnn.Cli.Commands;

/// <summary>The work of <see cref="EmbedCommand"/>, apart from it so building the command tree never touches TorchSharp.</summary>
internal static class Embedding
{
    /// <summary>Genre written for loose files, which carry none (the table format requires one).</summary>
    public const string UnknownGenre = "unknown";

    public static int Run(CliContext context, string[] sources, string modelPath, string output, int jobs, bool noCache, string device,
                          CancellationToken cancel)
    {
        try { FeatureTable.FormatOf(output); }
        catch (ArgumentException e) { context.Fail(UserMessages.Of(e)); return ExitCodes.Usage; }
        CnnSongPredictor predictor;
        try { predictor = CnnSongPredictor.Load(modelPath, device); }
        catch (ModelFileException e) { context.Fail(e.Message); return ExitCodes.Usage; }
        catch (ArgumentException e) { context.Fail("--device: " + UserMessages.Of(e)); return ExitCodes.Usage; }
        using (predictor)
        {
            var tracks = new List<Track>();
            foreach (var source in sources)
            {
                if (Directory.Exists(source) || source.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    try { tracks.AddRange(TrackCollection.Open(source).Tracks); }
                    catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException)
                    {
                        context.Fail(e.Message.StartsWith(source, StringComparison.Ordinal) ? e.Message : $"{source}: {e.Message}");
                        return ExitCodes.InputFailed;
                    }
                }
                else tracks.Add(new Track(source, source, source, [UnknownGenre]));
            }
            var ids = tracks.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
            if (ids is not null) { context.Fail($"{ids.Key} appears twice among the inputs"); return ExitCodes.Usage; }

            var data = CnnAudio.Load(context, string.Join(" ", sources), tracks, predictor.Model.Settings, jobs, noCache, cancel);
            if (data is null) return ExitCodes.InputFailed;
            var names = Enumerable.Range(0, predictor.Model.EmbeddingSize).Select(i => $"cnn_{i:D3}").ToArray();
            var rows = new List<FeatureRow>();
            for (int i = 0; i < data.Examples.Count; i++)
            {
                var t = data.Tracks[i];
                var embedding = predictor.Model.Embed(data.Examples[i].LogMel);
                rows.Add(new FeatureRow(t.Id, t.File, t.Genres, t.Artist, t.Fold, embedding.Select(v => (double)v).ToArray()));
            }
            var recipe = new JsonObject { ["model"] = Path.GetFileName(modelPath), ["architecture"] = predictor.Model.Architecture.ToString() };
            try { new FeatureTable(names, rows, "cnn-embedding", recipe.ToJsonString()).Save(output); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Fail($"{output}: {e.Message}");
                return ExitCodes.InputFailed;
            }
            context.Out.WriteLine($"wrote {output}: {rows.Count} clips x {names.Length} cnn embedding values");
            return data.Skipped.Count == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        }
    }
}
