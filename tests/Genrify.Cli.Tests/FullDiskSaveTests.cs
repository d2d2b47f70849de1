using System.Diagnostics;
using Genrify.Cli.Tests.TestOnly;
using Genrify.Features;
using Genrify.Tests.Shared;

namespace Genrify.Cli.Tests;

/// <summary>
/// Saving over an existing model when the disk fills up half-way. A real `genrify train` process runs under a file
/// size limit (<c>ulimit -f</c>, which needs no root): the kernel stops its write at the limit and kills it, just
/// where a full disk would have failed the write.
/// </summary>
public class FullDiskSaveTests
{
    private static readonly string Table = Path.Combine(TestData.Directory, "tables", "gtzan_features_30_sec.csv");

    [Fact]
    public void Train_over_an_existing_model_on_a_full_disk_keeps_the_old_model_and_the_next_save_sweeps_the_leftover()
    {
        using var temp = new TempFolder();
        var model = temp.PathOf("models/m.json");
        var first = CliRun.Of(PresetRegistry.Default, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = File.ReadAllBytes(model);
        Assert.True(before.Length > 16 << 10); // larger than the limit below

        // 8 KiB of file size allowed; W^X off so that the runtime's own double-mapped memory file is not limited.
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("ulimit -f 8; exec dotnet \"$0\" train \"$1\" --model logreg --cv 0 --out \"$2\"");
        start.ArgumentList.Add(typeof(Genrify.Cli.Program).Assembly.Location);
        start.ArgumentList.Add(Table);
        start.ArgumentList.Add(model);
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "train under a file size limit did not finish");
            Assert.NotEqual(0, process.ExitCode); // it could not write the new model
            _ = stdout.Result + stderr.Result;
        }

        Assert.Equal(before, File.ReadAllBytes(model)); // the old model, whole
        var leftover = Assert.Single(Directory.GetFiles(temp.PathOf("models"), "m.json.tmp-*"));

        // The writer of that file is gone: the next save of the same model removes it.
        var again = CliRun.Of(PresetRegistry.Default, "train", Table, "--model", "logreg", "--cv", "0", "--out", model);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(File.Exists(leftover));
        Assert.Equal(["m.json"], Directory.GetFiles(temp.PathOf("models")).Select(Path.GetFileName));
    }
}
