using System.CommandLine;
using Genrify.Audio;
using Genrify.Cli.Output;
using Genrify.Features;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify features FILE... [--preset P] [--json]</c>: prints each file's feature vector; a folder stands for the audio
/// files beneath it (<see cref="SongArguments"/>; <c>extract</c> is the batch tool for tables). A file that fails gives
/// one error line ("genrify: FILE: reason") and exit code 1; the other files are still printed.
/// </summary>
public sealed class FeaturesCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Audio files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var preset = CommonOptions.Preset(CommonOptions.DefaultPreset);
        var json = new Option<bool>("--json") { Description = "One JSON object per line: {file, preset, features, warnings?}" };
        var command = new Command("features", "Print the feature vector of each audio file") { files, preset, json };
        command.SetAction((parse, cancel) => Task.FromResult(Run(context, parse.GetValue(files)!, parse.GetValue(preset)!, parse.GetValue(json), cancel)));
        return command;
    }

    private static int Run(CliContext context, string[] files, string presetName, bool json, CancellationToken cancel)
    {
        IFeaturePreset preset;
        try { preset = context.Presets.Get(presetName); }
        catch (UnknownPresetException e) { context.Fail(e.Message); return ExitCodes.Usage; }

        int failures = 0;
        foreach (var file in SongArguments.Expand(files, line => { failures++; context.Fail(line); }))
        {
            cancel.ThrowIfCancellationRequested(); // Ctrl+C: the files printed so far stand
            try
            {
                var audio = ClipDecoder.Decode(file, preset.SampleRate);
                var values = preset.Extract(audio.Samples);
                if (json) context.Out.WriteLine(FeatureFormatter.Json(file, preset.Name, preset.FeatureNames, values, audio.Warnings));
                else
                {
                    foreach (var w in audio.Warnings) context.Warn(w);
                    context.Out.Write(FeatureFormatter.Text(file, preset.Name, preset.FeatureNames, values));
                }
            }
            catch (AudioDecodeException e) { failures++; context.Fail(e.Message); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                failures++;
                context.Fail($"{file}: {UserMessages.Of(e)}");
            }
        }
        context.Out.Flush();
        return failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }
}
