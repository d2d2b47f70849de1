using System.Security.Cryptography;
using Genrify.Features;
using Microsoft.ML.OnnxRuntime;

namespace Genrify.Pretrained.MusiCnn;

/// <summary>
/// The MusiCNN auto-tagger (J. Pons and X. Serra, MTG, 2019) on ONNX Runtime: N patches of the compressed mel input
/// [187 frames × 96 bands] in, per patch the 200-value embedding (the penultimate dense layer after its ReLU) and the
/// tag sigmoids out. The graph is the one <c>scripts/musicnn_to_onnx.py</c> writes from the Keras weights.
/// </summary>
/// <remarks>
/// Thread-safe: ONNX Runtime sessions serve concurrent <see cref="Run"/> calls, so one network serves every worker of
/// a batch. A clip's patches go through the network a few at a time (<see cref="MusiCnnRuntimeOptions.PatchesPerRun"/>).
/// </remarks>
public sealed class MusiCnnNetwork : IDisposable
{
    /// <summary>Frames per input patch.</summary>
    public const int PatchFrames = 187;
    /// <summary>Mel bands per frame.</summary>
    public const int Bands = 96;
    /// <summary>Length of the embedding.</summary>
    public const int EmbeddingSize = 200;

    private static readonly string[] OutputNames = ["embedding", "tags"];
    private readonly InferenceSession _session;

    private readonly int _patchesPerRun;

    private MusiCnnNetwork(InferenceSession session, IReadOnlyList<string> tags, string sha256, string device, int patchesPerRun)
    {
        (_session, Tags, Sha256, Device, _patchesPerRun) = (session, tags, sha256, device, patchesPerRun);
    }

    /// <summary>The tags the network's second output scores, in output order.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>SHA-256 of the ONNX file, lower-case hex: names the weights in feature recipes.</summary>
    public string Sha256 { get; }

    /// <summary>Where the network runs: "cpu" or "cuda".</summary>
    public string Device { get; }

    /// <summary>
    /// Loads <paramref name="model"/> (its ONNX file and tag list) for <paramref name="options"/>' device and threads.
    /// </summary>
    /// <exception cref="PresetUnavailableException">The file is not a MusiCNN graph, or the device asked for is not
    /// available in this build or on this machine; the message says which.</exception>
    public static MusiCnnNetwork Load(MusiCnnModelFiles model, MusiCnnRuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new MusiCnnRuntimeOptions();
        byte[] bytes = File.ReadAllBytes(model.OnnxPath);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var tags = File.ReadAllLines(model.TagsPath).Where(t => t.Length > 0).ToArray();
        var (session, device) = OpenSession(bytes, model.OnnxPath, options);
        try
        {
            Check(session, model, tags.Length);
            return new MusiCnnNetwork(session, tags, sha256, device, Math.Max(1, options.PatchesPerRun ?? (device == "cuda" ? MusiCnnRuntimeOptions.GpuPatchesPerRun : 1)));
        }
        catch
        {
            session.Dispose();
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
            // Without the arena, memory a call needed goes back once it returns (a server keeps no idle peak).
            EnableCpuMemArena = !options.ReleaseMemoryAfterRun,
        };
        // Workers that share the session wait for each other's pools otherwise; spinning would burn their cores.
        so.AddSessionConfigEntry("session.intra_op.allow_spinning", options.Threads > 1 ? "1" : "0");
        return so;
    }

    private static void Check(InferenceSession session, MusiCnnModelFiles model, int tagCount)
    {
        string Fail(string what) => throw new PresetUnavailableException($"{model.OnnxPath}: not a MusiCNN graph ({what})");
        if (!session.InputMetadata.TryGetValue("patches", out var input)) Fail("no input named 'patches'");
        if (input!.Dimensions is not [_, PatchFrames, Bands]) Fail($"input is [{string.Join(", ", input.Dimensions)}], expected [N, {PatchFrames}, {Bands}]");
        if (!session.OutputMetadata.TryGetValue("embedding", out var embedding) || embedding.Dimensions is not [_, EmbeddingSize])
            Fail($"no output 'embedding' of {EmbeddingSize} values");
        if (!session.OutputMetadata.TryGetValue("tags", out var tags) || tags.Dimensions is not [_, var n] || n != tagCount)
            Fail($"its 'tags' output does not have the {tagCount} tags of {model.TagsPath}");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Embeddings and tag activations of <paramref name="patches"/>, each a row-major [187 frames × 96 bands] array of
    /// the compressed mel input (<see cref="MusiCnnFrontEnd"/>), computed <see cref="MusiCnnRuntimeOptions.PatchesPerRun"/> at a time.
    /// </summary>
    /// <returns>Per patch its embedding (200 values) and its tag sigmoids (one per entry of <see cref="Tags"/>).</returns>
    /// <exception cref="ArgumentException">A patch has another size.</exception>
    public (float[][] Embeddings, float[][] Tags) Run(IReadOnlyList<float[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        const int patchSize = PatchFrames * Bands;
        for (int i = 0; i < patches.Count; i++)
            if (patches[i].Length != patchSize)
                throw new ArgumentException($"patch {i} has {patches[i].Length} values, expected {PatchFrames}×{Bands}", nameof(patches));
        int n = patches.Count;
        var embeddings = new float[n][];
        var tags = new float[n][];
        for (int start = 0; start < n; start += _patchesPerRun)
            RunBatch(patches, start, Math.Min(_patchesPerRun, n - start), embeddings, tags);
        return (embeddings, tags);
    }

    private void RunBatch(IReadOnlyList<float[]> patches, int start, int count, float[][] embeddings, float[][] tags)
    {
        const int patchSize = PatchFrames * Bands;
        var input = new float[count * patchSize];
        for (int i = 0; i < count; i++) patches[start + i].CopyTo(input, i * patchSize);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [count, PatchFrames, Bands]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, ["patches"], [inputValue], OutputNames);
        Rows(outputs[0], EmbeddingSize, embeddings.AsSpan(start, count));
        Rows(outputs[1], Tags.Count, tags.AsSpan(start, count));
    }

    private static void Rows(OrtValue value, int width, Span<float[]> rows)
    {
        var flat = value.GetTensorDataAsSpan<float>();
        for (int i = 0; i < rows.Length; i++) rows[i] = flat.Slice(i * width, width).ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
