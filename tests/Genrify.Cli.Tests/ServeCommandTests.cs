using System.Net;
using System.Text.Json;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary><c>genrify serve</c>: registered, documented, and really serving on loopback until cancelled.</summary>
public class ServeCommandTests
{
    private static readonly string BundledModel = Path.Combine(TestData.RepositoryRoot, "models", "default.json");

    [Fact]
    public void Serve_is_registered_and_its_help_lists_the_options()
    {
        var run = CliRun.Of(PresetRegistry.Default, "serve", "--help");
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var option in new[] { "--port", "--host", "--model", "--max-upload-mb", "--concurrency", "--queue", "--timeout", "--allow-origin" })
            Assert.Contains(option, run.Out);
        Assert.Contains("[default: 127.0.0.1]", run.Out);
        Assert.Contains("[default: 5000]", run.Out);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("NaN")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("Infinity")]
    [InlineData("0.0000001")]
    public void An_absurd_upload_limit_is_a_usage_error_stating_the_accepted_range(string value)
    {
        var run = CliRun.Of(PresetRegistry.Default, "serve", "--model", BundledModel, "--port", "0", "--max-upload-mb", value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--max-upload-mb must be a number of megabytes from 0.001 to 1048576", run.Error);
    }

    [Fact]
    public void A_bad_allowed_origin_is_a_usage_error_naming_it()
    {
        var run = CliRun.Of(PresetRegistry.Default, "serve", "--model", BundledModel, "--port", "0", "--allow-origin", "example.com/path");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("example.com/path", run.Error);
    }

    [Theory]
    [InlineData("--max-upload-mb", "0", "--max-upload-mb")]
    [InlineData("--timeout", "-1", "--timeout")]
    [InlineData("--host", "example.com", "host")]
    public void A_bad_option_is_a_usage_error_naming_it(string option, string value, string named)
    {
        var run = CliRun.Of(PresetRegistry.Default, "serve", "--model", BundledModel, "--port", "0", option, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public void A_missing_model_fails_with_its_name()
    {
        var run = CliRun.Of(PresetRegistry.Default, "serve", "--model", "/nonexistent/genrify-model.json", "--port", "0");
        Assert.Equal(ExitCodes.InputFailed, run.ExitCode);
        Assert.Contains("genrify-model.json", run.Error);
    }

    [Fact]
    public async Task Serve_listens_on_loopback_answers_healthz_and_stops_when_cancelled()
    {
        // Output is polled while the server writes it: a synchronized writer keeps the two threads apart.
        var outText = new StringWriter();
        var output = TextWriter.Synchronized(outText);
        var context = new CliContext(PresetRegistry.Default, output, TextWriter.Synchronized(new StringWriter()), ErrorIsTerminal: false);
        var parse = GenrifyApp.CreateRoot(context).Parse(["serve", "--port", "0", "--model", BundledModel, "--concurrency", "1"]);
        Assert.Empty(parse.Errors);
        using var stop = new CancellationTokenSource();
        var serving = parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = context.Error }, stop.Token);

        var url = await PrintedUrl.WaitAsync(output, outText, serving);
        Assert.NotNull(url);
        Assert.StartsWith("http://127.0.0.1:", url);
        using (var client = new HttpClient { BaseAddress = new Uri(url) })
        {
            using var health = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("default.json", json.RootElement.GetProperty("model").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("maxConcurrentDecodes").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("queueLength").GetInt32());
        }
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await serving.WaitAsync(TimeSpan.FromMinutes(1)));
    }
}
