using Genrify.Pipeline;
using System.CommandLine;
using Genrify.Cli.Output;
using Genrify.Web;

namespace Genrify.Cli.Commands;

/// <summary>
/// <c>genrify serve [--port 5000] [--host 127.0.0.1] [--model M] [--max-upload-mb 50] [--concurrency N] [--queue N] [--timeout 60] [--allow-origin URL]... [--max-seconds 300] [--collection SOURCE]</c>:
/// the web page and JSON API of <see cref="WebHost"/> until Ctrl+C. The model is found as <c>predict</c> finds it; the songs
/// each answer names as nearest are the model's own training songs, or those of <c>--collection</c>, extracted at start
/// with the model's space's preset (progress on stderr).
/// </summary>
public sealed class ServeCommand : ICliCommand
{
    /// <summary>Smallest accepted <c>--max-upload-mb</c> (1 KB, about a tenth of a second of mp3).</summary>
    public const double MinUploadMegabytes = 0.001;

    /// <summary>Largest accepted <c>--max-upload-mb</c> (1 TB).</summary>
    public const double MaxUploadMegabytes = 1024 * 1024;

    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var defaults = new WebOptions();
        var port = new Option<int>("--port") { Description = "TCP port (0 = any free one; the address is printed)", DefaultValueFactory = _ => defaults.Port };
        var host = new Option<string>("--host") { Description = "Address to listen on; loopback by default because the app has no authentication (0.0.0.0 = every interface)", DefaultValueFactory = _ => defaults.Host };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (default: $GENRIFY_MODEL or the bundled GTZAN model)" };
        var maxUpload = new Option<double>("--max-upload-mb") { Description = "Largest accepted upload in MB; larger ones get 413", DefaultValueFactory = _ => defaults.MaxUploadBytes / (1024.0 * 1024.0) };
        var concurrency = new Option<int>("--concurrency") { Description = "Files decoded at once (each keeps one core busy)", DefaultValueFactory = _ => defaults.MaxConcurrentDecodes };
        var queue = new Option<int?>("--queue") { Description = "Requests allowed to wait for a decoder; past that, 503 (default: twice --concurrency)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one request may take from its arrival, upload and queueing included; past that, 408 (upload) or 504", DefaultValueFactory = _ => defaults.RequestTimeout.TotalSeconds };
        var allowOrigin = new Option<string[]>("--allow-origin")
        {
            Description = "An origin (scheme://host[:port]) whose pages may post uploads besides the server's own; repeat for more; * = any",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var maxSeconds = WindowOption.Create();
        var collection = new Option<string?>("--collection")
        {
            Description = "Songs to compare uploads with and to map at /collection when the model carries none (the default model): a feature table, a folder of part files, " +
                          "a folder per genre or a manifest, extracted at start with the model's preset (musicnn for the default model) through the feature cache",
        };
        var command = new Command("serve", "Serve the web page and JSON API: drop a song, see its genres and why")
        {
            port, host, model, maxUpload, concurrency, queue, timeout, allowOrigin, maxSeconds, collection,
        };
        command.SetAction(async (parse, cancel) =>
        {
            double megabytes = parse.GetValue(maxUpload), seconds = parse.GetValue(timeout);
            // Checked here because the conversions below would hide a bad value (NaN bytes, an overflowing TimeSpan).
            if (!(megabytes >= MinUploadMegabytes && megabytes <= MaxUploadMegabytes))
            {
                context.Fail(FormattableString.Invariant($"--max-upload-mb must be a number of megabytes from {MinUploadMegabytes} to {MaxUploadMegabytes} (1 TB), got {megabytes}"));
                return ExitCodes.Usage;
            }
            if (!(seconds > 0 && seconds <= 24 * 3600)) { context.Fail($"--timeout must be above 0 and at most 86400 seconds, got {seconds}"); return ExitCodes.Usage; }
            if (WindowOption.Parse(context, parse.GetValue(maxSeconds)) is not { } window) return ExitCodes.Usage;
            int decoders = parse.GetValue(concurrency);
            var options = new WebOptions
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                ModelPath = DefaultModelLocator.Resolve(parse.GetValue(model)),
                MaxUploadBytes = (long)(megabytes * 1024 * 1024),
                MaxConcurrentDecodes = decoders,
                QueueLength = parse.GetValue(queue) ?? 2 * Math.Max(1, decoders),
                RequestTimeout = TimeSpan.FromSeconds(seconds),
                AllowedOrigins = parse.GetValue(allowOrigin) ?? [],
                Window = window,
                CollectionSource = parse.GetValue(collection),
                CollectionProgress = new PlainProgress(context.Error),
            };
            // WebHost's exit codes are ExitCodes' (0 ok, 1 model or address unusable, 2 bad option).
            return await WebHost.RunAsync(options, cancel, context.Out, context.Error);
        });
        return command;
    }
}
