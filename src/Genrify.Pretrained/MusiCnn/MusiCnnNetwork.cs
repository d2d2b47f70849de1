using System.Security.Cryptography;
using Genrify.Features;
using Microsoft.ML.OnnxRuntime;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// The MusiCNN auto-tagger (J. Pons and X. Serra, MTG, 2019) on ONNX Runtime: patches of 187 compressed mel frames
/// [× 96 bands] in, per patch the 200-value embedding (the penultimate dense layer after its ReLU) and the tag sigmoids
/// out. The graphs are those <c>scripts/musicnn_to_onnx.py</c> writes from the Keras weights: the timbral filters
/// (<c>timbral.onnx</c>) run over runs of frames that overlapping patches share, the rest (<c>model.onnx</c>) per patch.
/// </summary>
/// <remarks>
/// Thread-safe: ONNX Runtime sessions serve concurrent calls, so one network serves every worker of a batch.
/// </remarks>
public sealed class MusiCnnNetwork : IDisposable
{
    /// <summary>Frames per input patch.</summary>
    public const int PatchFrames = 187;
    /// <summary>Mel bands per frame.</summary>
    public const int Bands = 96;
    /// <summary>Length of the embedding.</summary>
    public const int EmbeddingSize = 200;

    // Channels of the two timbral filters together, and how far (in frames) they reach either side of an output.
    private const int TimbralChannels = 408;
    private const int Reach = 3;
    private const int EdgeFrames = 2 * Reach;

    private static readonly string[] OutputNames = ["embedding", "tags"];
    private readonly InferenceSession _timbral, _rest;
    private readonly int _patchesPerRun, _patchesPerCall;

    private MusiCnnNetwork(InferenceSession timbral, InferenceSession rest, IReadOnlyList<string> tags, string sha256, string device,
        int patchesPerRun, int patchesPerCall)
    {
        (_timbral, _rest, Tags, Sha256, Device, _patchesPerRun, _patchesPerCall) = (timbral, rest, tags, sha256, device, patchesPerRun, patchesPerCall);
    }

    /// <summary>The tags the network's second output scores, in output order.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>SHA-256 of the two ONNX files (the timbral graph's bytes, then the rest's), lower-case hex: names the
    /// weights in feature recipes.</summary>
    public string Sha256 { get; }

    /// <summary>Where the network runs: "cpu" or "cuda".</summary>
    public string Device { get; }

    /// <summary>
    /// Loads <paramref name="model"/> (its ONNX files and tag list) for <paramref name="options"/>' device and threads.
    /// </summary>
    /// <exception cref="PresetUnavailableException">A file is not a MusiCNN graph, or the device asked for is not
    /// available in this build or on this machine; the message says which.</exception>
    public static MusiCnnNetwork Load(MusiCnnModelFiles model, MusiCnnRuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new MusiCnnRuntimeOptions();
        byte[] timbralBytes = File.ReadAllBytes(model.TimbralPath), restBytes = File.ReadAllBytes(model.OnnxPath);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData([.. timbralBytes, .. restBytes]));
        var tags = File.ReadAllLines(model.TagsPath).Where(t => t.Length > 0).ToArray();
        var (timbral, device) = OpenSession(timbralBytes, model.TimbralPath, options);
        InferenceSession? rest = null;
        try
        {
            (rest, _) = OpenSession(restBytes, model.OnnxPath, options with { Device = device == "cuda" ? ComputeDevice.Cuda : ComputeDevice.Cpu });
            Check(timbral, rest, model, tags.Length);
            bool gpu = device == "cuda";
            int perRun = Math.Max(1, options.PatchesPerRun ?? (gpu ? MusiCnnRuntimeOptions.GpuPatchesPerRun : MusiCnnRuntimeOptions.CpuPatchesPerRun));
            // On the CPU one patch per call of the rest keeps its activations in cache; a GPU wants them all at once.
            return new MusiCnnNetwork(timbral, rest, tags, sha256, device, perRun, gpu ? perRun : 1);
        }
        catch
        {
            timbral.Dispose();
            rest?.Dispose();
            throw;
        }
    }

    private static (InferenceSession Session, string Device) OpenSession(byte[] onnx, string path, MusiCnnRuntimeOptions options)
    {
        bool wantCuda = options.Device is ComputeDevice.Cuda or ComputeDevice.Auto;
        if (wantCuda)
        {
            try
            {
                using var cuda = NewOptions(options);
                cuda.AppendExecutionProvider_CUDA(options.GpuId);
                return (new InferenceSession(onnx, cuda), "cuda");
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                if (options.Device == ComputeDevice.Cuda)
                    throw new PresetUnavailableException(
                        $"the musicnn network cannot run on CUDA here ({FirstLine(e.Message)}); a GPU build needs " +
                        "`-p:OnnxRuntimeGpu=true`, an NVIDIA driver, CUDA 12 and cuDNN 9 (see docs/musicnn.md)");
            }
        }
        try
        {
            using var cpu = NewOptions(options);
            return (new InferenceSession(onnx, cpu), "cpu");
        }
        catch (OnnxRuntimeException e)
        {
            throw new PresetUnavailableException($"{path}: not a loadable ONNX graph ({FirstLine(e.Message)})");
        }
    }

    private static SessionOptions NewOptions(MusiCnnRuntimeOptions options)
    {
        var so = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = options.Threads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // Workers that share the session wait for each other's pools otherwise; spinning would burn their cores.
        so.AddSessionConfigEntry("session.intra_op.allow_spinning", options.Threads > 1 ? "1" : "0");
        return so;
    }

    private static void Check(InferenceSession timbral, InferenceSession rest, MusiCnnModelFiles model, int tagCount)
    {
        static bool Has(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, Func<int[], bool> shape) =>
            nodes.TryGetValue(name, out var node) && shape(node.Dimensions);
        void Fail(string path, string what) => throw new PresetUnavailableException($"{path}: not a MusiCNN graph ({what})");
        if (!Has(timbral.InputMetadata, "frames", d => d is [_, _, Bands]) || !Has(timbral.OutputMetadata, "timbral", d => d is [_, TimbralChannels, _]))
            Fail(model.TimbralPath, $"expected frames [N, T, {Bands}] in and timbral [N, {TimbralChannels}, T] out");
        if (!Has(rest.InputMetadata, "patches", d => d is [_, PatchFrames, Bands]) || !Has(rest.InputMetadata, "timbral", d => d is [_, TimbralChannels, PatchFrames]))
            Fail(model.OnnxPath, $"expected patches [N, {PatchFrames}, {Bands}] and timbral [N, {TimbralChannels}, {PatchFrames}] in");
        if (!Has(rest.OutputMetadata, "embedding", d => d is [_, EmbeddingSize]))
            Fail(model.OnnxPath, $"no output 'embedding' of {EmbeddingSize} values");
        if (!Has(rest.OutputMetadata, "tags", d => d is [_, var n] && n == tagCount))
            Fail(model.OnnxPath, $"its 'tags' output does not have the {tagCount} tags of {model.TagsPath}");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Embeddings and tag activations of <paramref name="patches"/>, each a row-major [187 frames × 96 bands] array of
    /// the compressed mel input (<see cref="MusiCnnFrontEnd"/>), each patch scored on its own.
    /// </summary>
    /// <returns>Per patch its embedding (200 values) and its tag sigmoids (one per entry of <see cref="Tags"/>).</returns>
    /// <exception cref="ArgumentException">A patch has another size.</exception>
    public (float[][] Embeddings, float[][] Tags) Run(IReadOnlyList<float[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        for (int i = 0; i < patches.Count; i++)
            if (patches[i].Length != PatchFrames * Bands)
                throw new ArgumentException($"patch {i} has {patches[i].Length} values, expected {PatchFrames}×{Bands}", nameof(patches));
        // Side by side, patches are one long run of frames whose patches do not overlap.
        var frames = new float[patches.Count * PatchFrames][];
        for (int i = 0; i < patches.Count; i++)
            for (int t = 0; t < PatchFrames; t++)
                frames[i * PatchFrames + t] = patches[i].AsSpan(t * Bands, Bands).ToArray();
        return RunClip(frames, Enumerable.Range(0, patches.Count).Select(i => i * PatchFrames).ToArray());
    }

    /// <summary>
    /// Embeddings and tag activations of the patches of a clip: <paramref name="frames"/> are its compressed mel frames
    /// (each float[96]) and patch p covers frames <paramref name="patchStarts"/>[p] to that plus 186. Overlapping
    /// patches share the timbral filters' work on their common frames; each patch gets what it gets on its own.
    /// <see cref="MusiCnnRuntimeOptions.PatchesPerRun"/> consecutive patches share one run of frames; <paramref name="cancel"/>
    /// is checked before each run (tens of milliseconds apart).
    /// </summary>
    /// <exception cref="ArgumentException">A frame has another size, or a patch reaches past the frames.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired.</exception>
    public (float[][] Embeddings, float[][] Tags) RunClip(IReadOnlyList<float[]> frames, IReadOnlyList<int> patchStarts, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(patchStarts);
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].Length != Bands) throw new ArgumentException($"frame {i} has {frames[i].Length} bands, expected {Bands}", nameof(frames));
        for (int p = 0; p < patchStarts.Count; p++)
            if (patchStarts[p] < 0 || patchStarts[p] + PatchFrames > frames.Count)
                throw new ArgumentException($"patch {p} starts at frame {patchStarts[p]}, outside the {frames.Count} frames", nameof(patchStarts));
        int n = patchStarts.Count;
        var embeddings = new float[n][];
        var tags = new float[n][];
        for (int first = 0; first < n; first += _patchesPerRun)
        {
            cancel.ThrowIfCancellationRequested();
            var starts = patchStarts.Skip(first).Take(_patchesPerRun).ToArray();
            var timbral = TimbralFeatures(frames, starts);
            for (int done = 0; done < starts.Length; done += _patchesPerCall)
            {
                int count = Math.Min(_patchesPerCall, starts.Length - done);
                RunRest(frames, starts.AsSpan(done, count), timbral.AsSpan(done * TimbralChannels * PatchFrames, count * TimbralChannels * PatchFrames),
                    embeddings.AsSpan(first + done, count), tags.AsSpan(first + done, count));
            }
        }
        return (embeddings, tags);
    }

    /// <summary>
    /// The timbral features [patch, 408, 187] of patches starting at <paramref name="starts"/>: inside each patch from
    /// one pass over the run of frames they cover, at the 3 frames next to each patch edge (where the patch's own zero
    /// padding matters) from that patch's first and last 6 frames.
    /// </summary>
    private float[] TimbralFeatures(IReadOnlyList<float[]> frames, int[] starts)
    {
        int from = starts.Min(), length = starts.Max() + PatchFrames - from;
        var run = Timbral(frames, [from], length);
        var edgeStarts = starts.SelectMany(s => new[] { s, s + PatchFrames - EdgeFrames }).ToArray();
        var edges = Timbral(frames, edgeStarts, EdgeFrames);
        var features = new float[starts.Length * TimbralChannels * PatchFrames];
        for (int p = 0; p < starts.Length; p++)
            for (int c = 0; c < TimbralChannels; c++)
            {
                var row = features.AsSpan((p * TimbralChannels + c) * PatchFrames, PatchFrames);
                run.AsSpan(c * length + starts[p] - from + Reach, PatchFrames - EdgeFrames).CopyTo(row[Reach..]);
                edges.AsSpan(((2 * p) * TimbralChannels + c) * EdgeFrames, Reach).CopyTo(row[..Reach]);
                edges.AsSpan(((2 * p + 1) * TimbralChannels + c) * EdgeFrames + Reach, Reach).CopyTo(row[(PatchFrames - Reach)..]);
            }
        return features;
    }

    // The timbral graph over runs of `length` frames starting at each of `starts`: [runs, 408, length].
    private float[] Timbral(IReadOnlyList<float[]> frames, int[] starts, int length)
    {
        var input = new float[starts.Length * length * Bands];
        for (int r = 0; r < starts.Length; r++)
            for (int t = 0; t < length; t++) frames[starts[r] + t].CopyTo(input, (r * length + t) * Bands);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [starts.Length, length, Bands]);
        using var runOptions = new RunOptions();
        using var outputs = _timbral.Run(runOptions, ["frames"], [value], ["timbral"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private void RunRest(IReadOnlyList<float[]> frames, ReadOnlySpan<int> starts, ReadOnlySpan<float> timbral, Span<float[]> embeddings, Span<float[]> tags)
    {
        int count = starts.Length;
        var patches = new float[count * PatchFrames * Bands];
        for (int p = 0; p < count; p++)
            for (int t = 0; t < PatchFrames; t++) frames[starts[p] + t].CopyTo(patches, (p * PatchFrames + t) * Bands);
        using var patchValue = OrtValue.CreateTensorValueFromMemory(patches, [count, PatchFrames, Bands]);
        using var timbralValue = OrtValue.CreateTensorValueFromMemory(timbral.ToArray(), [count, TimbralChannels, PatchFrames]);
        using var runOptions = new RunOptions();
        using var outputs = _rest.Run(runOptions, ["patches", "timbral"], [patchValue, timbralValue], OutputNames);
        Rows(outputs[0], EmbeddingSize, embeddings);
        Rows(outputs[1], Tags.Count, tags);
    }

    private static void Rows(OrtValue value, int width, Span<float[]> rows)
    {
        var flat = value.GetTensorDataAsSpan<float>();
        for (int i = 0; i < rows.Length; i++) rows[i] = flat.Slice(i * width, width).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timbral.Dispose();
        _rest.Dispose();
    }
}
