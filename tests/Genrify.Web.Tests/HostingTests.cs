using System.Net;
using Genrify.Learning;
using Genrify.Tests.Shared;

namespace Genrify.Web.Tests;

/// <summary>The entry point <c>genrify serve</c> calls: real Kestrel on loopback, model resolution, exit codes.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_app_listens_on_loopback_by_default_and_answers_over_real_http()
    {
        await using var app = WebHost.Build(new WebOptions { ModelPath = TrainedModel.Path, Port = 0 });
        await app.StartAsync();
        var address = Assert.Single(WebHost.Addresses(app));
        Assert.StartsWith("http://127.0.0.1:", address);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Server"));
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_refuses_a_body_past_the_limit_with_a_413_problem()
    {
        await using var app = WebHost.Build(new WebOptions { ModelPath = TrainedModel.Path, Port = 0, MaxUploadBytes = 10_000 });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(WebHost.Addresses(app)[0]) };
        using var response = await client.PostAsync("/api/predict", Requests.Upload(new byte[200_000], "big.wav"));
        await Requests.ProblemAsync(response, 413);
    }

    [Fact]
    public void A_missing_model_is_a_model_file_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".json");
        var error = Assert.Throws<ModelFileException>(() => WebHost.Build(new WebOptions { ModelPath = missing }));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Run_returns_1_for_a_missing_model_and_2_for_a_bad_option()
    {
        var errors = new StringWriter();
        Assert.Equal(1, await WebHost.RunAsync(new WebOptions { ModelPath = "/nonexistent/model.json" }, CancellationToken.None, TextWriter.Null, errors));
        Assert.Contains("model.json", errors.ToString());
        Assert.Equal(2, await WebHost.RunAsync(new WebOptions { ModelPath = TrainedModel.Path, Host = "example.com" }, CancellationToken.None, TextWriter.Null, errors));
        Assert.Contains("host", errors.ToString());
    }

    [Fact]
    public async Task Run_serves_until_cancelled_and_prints_where()
    {
        // Output is polled while the server writes it: a synchronized writer keeps the two threads apart.
        var outText = new StringWriter();
        var output = TextWriter.Synchronized(outText);
        using var stop = new CancellationTokenSource();
        var running = WebHost.RunAsync(new WebOptions { ModelPath = TrainedModel.Path, Port = 0 }, stop.Token, output, TextWriter.Null);
        var url = await PrintedUrl.WaitAsync(output, outText, running);
        Assert.NotNull(url);
        using (var client = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + "/healthz")).StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_model_path_comes_from_the_option_then_the_environment()
    {
        Assert.Equal("given.json", new WebOptions { ModelPath = "given.json" }.ResolveModelPath());
        var before = Environment.GetEnvironmentVariable(WebOptions.ModelEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(WebOptions.ModelEnvironmentVariable, "from-env.json");
            Assert.Equal("from-env.json", new WebOptions().ResolveModelPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable(WebOptions.ModelEnvironmentVariable, before);
        }
    }
}
