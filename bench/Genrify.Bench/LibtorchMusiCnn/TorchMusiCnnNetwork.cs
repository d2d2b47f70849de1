using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Genrify.Bench.LibtorchMusiCnn;

/// <summary>
/// The MusiCNN network (Pons &amp; Serra 2019) as MTG ships it in <c>msd-musicnn-1</c>: a musically motivated
/// front end (timbral 7×38 and 7×67 filters, temporal 128/64/32-frame filters), three residual 7-frame 1-D
/// convolutions, max and mean pooling over time, and a dense layer whose ReLU output is the 200-value embedding.
/// Runs the graph op for op as the tfjs model defines it, with its weights, on libtorch's CPU kernels.
/// </summary>
/// <remarks>
/// <para>
/// The earlier libtorch port, kept in the benchmark program only so that its musicnn suite can compare it with the
/// product's network on ONNX Runtime (<c>Genrify.Pretrained.MusiCnn.MusiCnnNetwork</c>); the product never uses it.
/// Before timing, the suite checks it against the TensorFlow.js reference outputs (<see cref="LibtorchMusiCnnCheck"/>).
/// </para>
/// <para>
/// TensorFlow's NHWC tensors are mapped to torch's NCHW with H = time and W = mel band; every batch norm is already
/// folded into a per-channel multiply and add that follows the ReLU. Thread-safe: the forward pass only reads the
/// weight tensors.
/// </para>
/// </remarks>
public sealed class TorchMusiCnnNetwork : IDisposable
{
    /// <summary>Frames per input patch.</summary>
    public const int PatchFrames = 187;
    /// <summary>Mel bands per frame.</summary>
    public const int Bands = 96;
    /// <summary>Length of the embedding (the penultimate dense layer after its ReLU).</summary>
    public const int EmbeddingSize = 200;
    /// <summary>Number of last.fm tags of the auto-tagger head.</summary>
    public const int TagCount = 50;

    private readonly float _inputScale, _inputOffset;
    private readonly Conv _timbral1, _timbral2, _temporal1, _temporal2, _temporal3, _mid1, _mid2, _mid3;
    private readonly Tensor _bn9Mul, _bn9Sub, _denseKernel, _denseBias, _bn10Mul, _bn10Sub, _tagKernel, _tagBias;

    /// <summary>Builds the network from the tensors of <c>msd-musicnn-1</c>.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (not this network).</exception>
    public TorchMusiCnnNetwork(TfjsWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _inputScale = weights.Get("model/batch_normalization/FusedBatchNorm/Scaled", 1)[0];
        _inputOffset = weights.Get("model/batch_normalization/FusedBatchNorm/Offset", 1)[0];
        _timbral1 = Conv.TwoD(weights, "conv2d", 7, 38, 204, "model/batch_normalization_1");
        _timbral2 = Conv.TwoD(weights, "conv2d_1", 7, 67, 204, "model/batch_normalization_2");
        _temporal1 = Conv.TwoD(weights, "conv2d_2", 128, 1, 51, "model/batch_normalization_3");
        _temporal2 = Conv.TwoD(weights, "conv2d_3", 64, 1, 51, "model/batch_normalization_4");
        _temporal3 = Conv.TwoD(weights, "conv2d_4", 32, 1, 51, "model/batch_normalization_5");
        _mid1 = Conv.OneD(weights, "conv2d_5", 7, 561, 64, "model/batch_normalization_6");
        _mid2 = Conv.OneD(weights, "conv2d_6", 7, 64, 64, "model/batch_normalization_7");
        _mid3 = Conv.OneD(weights, "conv2d_7", 7, 64, 64, "model/batch_normalization_8");
        const int pooled = 2 * (561 + 3 * 64);
        _bn9Mul = tensor(weights.Get("model/batch_normalization_9/batchnorm/mul", pooled));
        _bn9Sub = tensor(weights.Get("model/batch_normalization_9/batchnorm/sub", pooled));
        _denseKernel = tensor(weights.Get("dense/kernel", pooled, EmbeddingSize), new long[] { pooled, EmbeddingSize });
        _denseBias = tensor(weights.Get("dense/bias", EmbeddingSize));
        _bn10Mul = tensor(weights.Get("model/batch_normalization_10/batchnorm/mul", EmbeddingSize));
        _bn10Sub = tensor(weights.Get("model/batch_normalization_10/batchnorm/sub", EmbeddingSize));
        _tagKernel = tensor(weights.Get("dense_1/kernel", EmbeddingSize, TagCount), new long[] { EmbeddingSize, TagCount });
        _tagBias = tensor(weights.Get("dense_1/bias", TagCount));
    }

    /// <summary>
    /// Patches per forward pass. A pass allocates ~50 MB of activations and im2col buffers per patch; above glibc's
    /// mmap threshold (32 MB at most) every one of those allocations is fresh pages from the kernel, so one pass over a
    /// whole clip's 19 patches spent more time in page faults than in the convolutions. One patch per pass keeps the
    /// buffers small enough to be reused (see docs/musicnn.md for the measurement).
    /// </summary>
    public int PatchesPerPass { get; init; } = 1;

    /// <summary>
    /// Embeddings and tag activations of a batch of patches, each a row-major [187 frames × 96 bands] array of the
    /// compressed mel input (the MusiCNN front end).
    /// </summary>
    /// <returns>Per patch its embedding (200) and its tag sigmoids (50).</returns>
    public (float[][] Embeddings, float[][] Tags) Run(IReadOnlyList<float[]> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        for (int i = 0; i < patches.Count; i++)
            if (patches[i].Length != PatchFrames * Bands)
                throw new ArgumentException($"patch {i} has {patches[i].Length} values, expected {PatchFrames}×{Bands}", nameof(patches));
        var embeddings = new List<float[]>(patches.Count);
        var tags = new List<float[]>(patches.Count);
        int step = Math.Max(1, PatchesPerPass);
        for (int start = 0; start < patches.Count; start += step)
        {
            var (e, t) = Pass(patches, start, Math.Min(step, patches.Count - start));
            embeddings.AddRange(e);
            tags.AddRange(t);
        }
        return (embeddings.ToArray(), tags.ToArray());
    }

    private (float[][] Embeddings, float[][] Tags) Pass(IReadOnlyList<float[]> patches, int start, int n)
    {
        var input = new float[n * PatchFrames * Bands];
        for (int i = 0; i < n; i++) patches[start + i].CopyTo(input, i * PatchFrames * Bands);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(input, new long[] { n, 1, PatchFrames, Bands }) * _inputScale + _inputOffset;

        // Timbral branch: time padded by 3 on both sides, filters spanning 38 and 67 bands, max over the bands left.
        var padded = F.pad(x, new long[] { 0, 0, 3, 3 });
        var t1 = _timbral1.Apply(padded).amax(new long[] { 3 });           // [n, 204, 187]
        var t2 = _timbral2.Apply(padded).amax(new long[] { 3 });
        // Temporal branch: one band wide, 'SAME' in time (TensorFlow puts the odd extra pad at the end).
        var s1 = _temporal1.Apply(F.pad(x, new long[] { 0, 0, 63, 64 })).amax(new long[] { 3 }); // [n, 51, 187]
        var s2 = _temporal2.Apply(F.pad(x, new long[] { 0, 0, 31, 32 })).amax(new long[] { 3 });
        var s3 = _temporal3.Apply(F.pad(x, new long[] { 0, 0, 15, 16 })).amax(new long[] { 3 });
        var front = cat(new[] { t1, t2, s1, s2, s3 }, 1);                   // [n, 561, 187]

        // Mid-end: 7-frame convolutions over all channels, the second and third residual.
        var m1 = _mid1.Apply(F.pad(front, new long[] { 3, 3 }));           // [n, 64, 187]
        var a1 = m1 + _mid2.Apply(F.pad(m1, new long[] { 3, 3 }));
        var a2 = a1 + _mid3.Apply(F.pad(a1, new long[] { 3, 3 }));
        var all = cat(new[] { front, m1, a1, a2 }, 1);                      // [n, 753, 187]

        // Max and mean over time, interleaved per channel (TF flattens [n, 753, 2] row-major).
        var pooled = stack(new[] { all.amax(new long[] { 2 }), all.mean(new long[] { 2 }) }, 2).reshape(n, -1);
        var embedding = F.relu((pooled * _bn9Mul + _bn9Sub).matmul(_denseKernel) + _denseBias);
        var tags = sigmoid((embedding * _bn10Mul + _bn10Sub).matmul(_tagKernel) + _tagBias);
        return (Rows(embedding, n, EmbeddingSize), Rows(tags, n, TagCount));
    }

    private static float[][] Rows(Tensor t, int n, int width)
    {
        var flat = t.contiguous().data<float>().ToArray();
        var rows = new float[n][];
        for (int i = 0; i < n; i++) rows[i] = flat.AsSpan(i * width, width).ToArray();
        return rows;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var c in new[] { _timbral1, _timbral2, _temporal1, _temporal2, _temporal3, _mid1, _mid2, _mid3 }) c.Dispose();
        foreach (var t in new[] { _bn9Mul, _bn9Sub, _denseKernel, _denseBias, _bn10Mul, _bn10Sub, _tagKernel, _tagBias }) t.Dispose();
    }

    /// <summary>One convolution + bias, ReLU, then the folded batch norm's per-channel multiply and add.</summary>
    private sealed class Conv : IDisposable
    {
        private readonly Tensor _kernel, _bias, _scale, _offset;
        private readonly bool _twoD;

        private Conv(Tensor kernel, Tensor bias, Tensor scale, Tensor offset, bool twoD)
        {
            (_kernel, _bias, _scale, _offset, _twoD) = (kernel, bias, scale, offset, twoD);
        }

        // A TF kernel [kh, kw, 1, out] over NHWC becomes torch's [out, 1, kh, kw] over NCHW.
        public static Conv TwoD(TfjsWeights w, string name, int kh, int kw, int outChannels, string batchNorm)
        {
            var kernel = tensor(w.Get($"{name}/kernel", kh, kw, 1, outChannels), new long[] { kh, kw, 1, outChannels })
                .permute(3, 2, 0, 1).contiguous();
            return new Conv(kernel, Bias(w, name, outChannels), Norm(w, batchNorm, "Scaled", outChannels, 4),
                            Norm(w, batchNorm, "Offset", outChannels, 4), twoD: true);
        }

        // A TF kernel [k, in, 1, out] sliding over an image [time, in, 1] is a 1-D convolution with `in` channels.
        public static Conv OneD(TfjsWeights w, string name, int k, int inChannels, int outChannels, string batchNorm)
        {
            var kernel = tensor(w.Get($"{name}/kernel", k, inChannels, 1, outChannels), new long[] { k, inChannels, outChannels })
                .permute(2, 1, 0).contiguous();
            return new Conv(kernel, Bias(w, name, outChannels), Norm(w, batchNorm, "Scaled", outChannels, 3),
                            Norm(w, batchNorm, "Offset", outChannels, 3), twoD: false);
        }

        private static Tensor Bias(TfjsWeights w, string name, int outChannels) => tensor(w.Get($"{name}/bias", outChannels));

        private static Tensor Norm(TfjsWeights w, string batchNorm, string part, int channels, int rank)
        {
            var shape = rank == 4 ? new long[] { 1, channels, 1, 1 } : new long[] { 1, channels, 1 };
            return tensor(w.Get($"{batchNorm}/FusedBatchNorm/{part}", channels), shape);
        }

        public Tensor Apply(Tensor x)
        {
            var y = _twoD ? F.conv2d(x, _kernel, _bias) : F.conv1d(x, _kernel, _bias);
            return F.relu(y) * _scale + _offset;
        }

        public void Dispose()
        {
            _kernel.Dispose(); _bias.Dispose(); _scale.Dispose(); _offset.Dispose();
        }
    }
}
