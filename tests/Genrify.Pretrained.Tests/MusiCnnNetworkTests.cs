using Genrify.Features;
using Genrify.Pretrained.MusiCnn;
using static Genrify.Pretrained.Tests.MusiCnnTestModel;

namespace Genrify.Pretrained.Tests;

public class MusiCnnNetworkTests
{
    private static float[] Patch(System.Text.Json.Nodes.JsonNode reference, int index) =>
        reference["input_patches"]![index]!.AsArray().SelectMany(row => row!.AsArray().Select(v => (float)v!)).ToArray();

    /// <summary>
    /// Fed the reference input patches in one batch, the shipped ONNX graph (converted from the ISC Keras weights) gives
    /// TensorFlow.js's embeddings and tag sigmoids within 1e-4 of their scale.
    /// </summary>
    [Theory]
    [InlineData("muldjord_armygeddon_30s")]
    [InlineData("blues.00099")]
    public void Embeddings_and_tags_match_tensorflow_js_on_the_reference_patches(string clip)
    {
        var reference = Reference(clip);
        var (embeddings, tags) = Network.Run([Patch(reference, 0), Patch(reference, 1)]);
        for (int p = 0; p < 2; p++)
        {
            AssertClose(Floats(reference["embeddings"]![p]!), embeddings[p], 1e-4, $"{clip} patch {p} embedding");
            AssertClose(Floats(reference["tags"]![p]!), tags[p], 1e-4, $"{clip} patch {p} tags");
        }
    }

    /// <summary>A batch gives each patch what it gets alone, so batching changes no value.</summary>
    [Fact]
    public void A_batch_gives_each_patch_what_it_gets_alone()
    {
        var reference = Reference("blues.00099");
        var (batch, batchTags) = Network.Run([Patch(reference, 0), Patch(reference, 1)]);
        var (alone, aloneTags) = Network.Run([Patch(reference, 1)]);
        AssertClose(alone[0], batch[1], 1e-6, "embedding");
        AssertClose(aloneTags[0], batchTags[1], 1e-6, "tags");
    }

    /// <summary>
    /// A clip's overlapping patches scored together (sharing the timbral filters' work over common frames) get what
    /// each gets on its own, for every number of patches per call, also where a call's patches leave frames between them.
    /// </summary>
    [Trait("Category", "Slow")]
    [Fact]
    public void Overlapping_patches_scored_together_get_what_each_gets_alone()
    {
        var frames = MusiCnnFrontEnd.Frames(ReferencePcm("muldjord_armygeddon_30s"));
        var (all, starts) = MusiCnnFrontEnd.PatchLayout(frames);
        var alone = Network.Run(MusiCnnFrontEnd.PatchesOf(frames));
        foreach (int perRun in new[] { 1, 3, 19 })
        {
            using var network = MusiCnnNetwork.Load(MusiCnnModelFiles.Resolve(), new MusiCnnRuntimeOptions { PatchesPerRun = perRun });
            var (embeddings, tags) = network.RunClip(all, starts);
            Assert.Equal(starts.Length, embeddings.Length);
            for (int p = 0; p < starts.Length; p++)
            {
                AssertClose(alone.Embeddings[p], embeddings[p], 1e-5, $"{perRun}/call patch {p} embedding");
                AssertClose(alone.Tags[p], tags[p], 1e-5, $"{perRun}/call patch {p} tags");
            }
        }
        // Two patches far apart in one call: the frames between them are sent but change nothing.
        var (apart, _) = Network.RunClip(all, [0, starts[^1]]);
        AssertClose(alone.Embeddings[^1], apart[1], 1e-5, "last patch");
    }

    /// <summary>A cancelled clip stops before its next run of patches instead of scoring them all.</summary>
    [Fact]
    public void A_cancelled_clip_stops_between_runs_of_patches()
    {
        var frames = MusiCnnFrontEnd.Frames(ReferencePcm("muldjord_armygeddon_30s"));
        var (all, starts) = MusiCnnFrontEnd.PatchLayout(frames);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Network.RunClip(all, starts, cancelled.Token));
    }

    /// <summary>A patch reaching past the frames, or a frame of another size, is refused by number.</summary>
    [Fact]
    public void Patches_past_the_frames_are_refused()
    {
        var frames = Enumerable.Range(0, 200).Select(_ => new float[96]).ToArray();
        Assert.Contains("patch 1", Assert.Throws<ArgumentException>(() => Network.RunClip(frames, [0, 20])).Message);
        frames[5] = new float[95];
        Assert.Contains("frame 5", Assert.Throws<ArgumentException>(() => Network.RunClip(frames, [0])).Message);
    }

    /// <summary>The shipped network names its 50 last.fm tags in output order.</summary>
    [Fact]
    public void The_shipped_network_names_its_tags()
    {
        Assert.Equal(50, Network.Tags.Count);
        Assert.Equal(["rock", "pop", "alternative"], Network.Tags.Take(3));
        Assert.Equal("happy", Network.Tags[^1]);
        Assert.Equal(64, Network.Sha256.Length);
        Assert.Equal("cpu", Network.Device);
    }

    /// <summary>A patch of another size is refused with a message, not read out of bounds.</summary>
    [Fact]
    public void A_patch_of_the_wrong_size_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Network.Run([new float[10]]));
        Assert.Contains("patch 0", e.Message);
    }

    /// <summary>A file that is not a MusiCNN graph, or a tag list of another length, is refused by name.</summary>
    [Fact]
    public void Files_of_another_network_are_refused()
    {
        string dir = Path.Combine(Path.GetTempPath(), "genrify-onnx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var files = new MusiCnnModelFiles(dir);
            File.WriteAllBytes(files.TimbralPath, new byte[100]);
            File.WriteAllBytes(files.OnnxPath, new byte[100]);
            File.WriteAllText(files.TagsPath, "rock\npop\n");
            var garbage = Assert.Throws<PresetUnavailableException>(() => MusiCnnNetwork.Load(files));
            Assert.Contains(files.TimbralPath, garbage.Message);

            File.Copy(MusiCnnModelFiles.Resolve().TimbralPath, files.TimbralPath, overwrite: true);
            File.Copy(MusiCnnModelFiles.Resolve().OnnxPath, files.OnnxPath, overwrite: true);
            var tags = Assert.Throws<PresetUnavailableException>(() => MusiCnnNetwork.Load(files));
            Assert.Contains("tags", tags.Message);
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }

    /// <summary>Asking for CUDA in a CPU build (or on a machine without a GPU) is a clear error, and auto falls back.</summary>
    [Fact]
    public void Cuda_where_there_is_none_is_a_clear_error_and_auto_falls_back()
    {
        var files = MusiCnnModelFiles.Resolve();
        if (Environment.GetEnvironmentVariable("GENRIFY_EXPECT_CUDA") == "1")
        {
            using var gpu = MusiCnnNetwork.Load(files, new MusiCnnRuntimeOptions { Device = ComputeDevice.Cuda });
            Assert.Equal("cuda", gpu.Device);
            return;
        }
        var e = Assert.Throws<PresetUnavailableException>(() =>
            MusiCnnNetwork.Load(files, new MusiCnnRuntimeOptions { Device = ComputeDevice.Cuda }).Dispose());
        Assert.Contains("CUDA", e.Message);
        using var auto = MusiCnnNetwork.Load(files, new MusiCnnRuntimeOptions { Device = ComputeDevice.Auto });
        Assert.Equal("cpu", auto.Device);
    }
}
