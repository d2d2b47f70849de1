using System.Net;
using System.Text.Json;
using Genrify.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Genrify.Web.Tests;

/// <summary>
/// Every file in tests/data/audio/bad (copied from ../shared/fixtures/audio/bad; SOURCES.md says what each is) posted to
/// <c>POST /api/predict</c>: undecodable ones get a 415 problem naming the reason, damaged but readable ones a prediction
/// with a warning, and silence and very short clips a prediction whose warning says how little it means; after each,
/// the server answers a good request.
/// </summary>
public sealed class BadInputTests(DefaultAppFixture fixture) : IClassFixture<DefaultAppFixture>
{
    private enum Expected { Refused, PredictedWithWarning }

    /// <summary>What each bad file must give (librosa's verdicts in SOURCES.md), and words its reason or warning must hold.</summary>
    private static readonly Dictionary<string, (Expected Outcome, string Reason)> Verdicts = new()
    {
        ["empty.wav"] = (Expected.Refused, "empty file"),
        ["text_renamed.mp3"] = (Expected.Refused, "not an audio file"),
        ["nan_inf_f32.wav"] = (Expected.Refused, "not finite"),
        ["truncated_10k.mp3"] = (Expected.PredictedWithWarning, ""),
        ["header_overclaims.wav"] = (Expected.PredictedWithWarning, ""),
        ["silence_30s.wav"] = (Expected.PredictedWithWarning, "digital silence"),
        ["short_0.1s.wav"] = (Expected.PredictedWithWarning, "only 0.1 s of audio"),
    };

    private TestApp App => fixture.App;

    /// <summary>The files actually in the folder, so a new bad file cannot go untested.</summary>
    public static TheoryData<string> BadFiles() => new(BadFileNames());

    private static string[] BadFileNames() =>
        Directory.GetFiles(Path.GetDirectoryName(TestData.BadAudio("x"))!).Select(f => Path.GetFileName(f)).Order().ToArray();

    [Fact]
    public void The_bad_folder_holds_the_shared_fixtures()
    {
        Assert.Equal(Verdicts.Keys.Order(), BadFileNames());
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_file_gets_its_answer_and_the_server_answers_the_next_good_request(string name)
    {
        Assert.True(Verdicts.TryGetValue(name, out var verdict), $"{name} is new in tests/data/audio/bad: say in {nameof(Verdicts)} what it must give");
        using (var response = await App.Client.PostAsync("/api/predict", Requests.Upload(TestData.BadAudio(name))))
        {
            if (verdict.Outcome == Expected.Refused)
            {
                var problem = await Requests.ProblemAsync(response, 415);
                var detail = problem.GetProperty("detail").GetString()!;
                Assert.StartsWith(name + ": ", detail); // the client's name, never the server's temporary path
                Assert.DoesNotContain(App.TempDirectory, detail);
                Assert.Contains(verdict.Reason, detail, StringComparison.OrdinalIgnoreCase);
                Assert.Equal("not-audio", problem.GetProperty("code").GetString());
            }
            else
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {text}");
                var answer = JsonDocument.Parse(text).RootElement;
                var genres = answer.GetProperty("genres").EnumerateArray().ToArray();
                Assert.Equal(App.App.Services.GetRequiredService<SongAnalyser>().Model.Genres.Count, genres.Length);
                Assert.Equal(1.0, genres.Sum(g => g.GetProperty("probability").GetDouble()), 1e-6);
                Assert.Equal(128, answer.GetProperty("spectrogram").GetProperty("height").GetInt32());
                var warnings = answer.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
                Assert.All(warnings, w => Assert.DoesNotContain(App.TempDirectory, w));
                Assert.Contains(warnings, w => w.StartsWith(name + ": ", StringComparison.Ordinal) && w.Contains(verdict.Reason, StringComparison.Ordinal));
                if (name.StartsWith("silence", StringComparison.Ordinal))
                    Assert.Equal(JsonValueKind.Null, answer.GetProperty("features").GetProperty("loudnessDbfs").ValueKind);
            }
        }

        using var good = await App.Client.PostAsync("/api/predict?top=1", Requests.Upload(TestData.Audio("blues.00099.mp3")));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("blues", (await Requests.JsonAsync(good)).GetProperty("genres")[0].GetProperty("genre").GetString());
        Assert.Empty(await App.LeftOverFilesAfterJobsAsync());
    }
}
