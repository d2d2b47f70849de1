using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Genrify.Deep;

/// <summary>
/// The network: conv blocks (conv → batch norm → ReLU → max-pool), global pooling to a fixed-size embedding,
/// dropout, one linear layer to class logits. Input is a batch of standardised log-mel windows [batch, mels, frames].
/// </summary>
internal sealed class GenreConvNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Module<Tensor, Tensor> dropout;
    private readonly Module<Tensor, Tensor> head;
    private readonly bool twoD;
    private readonly bool avgAndMax;

    public GenreConvNet(CnnArchitecture architecture, int nMels, int classCount, double dropoutRate)
        : base("genre_cnn")
    {
        (int[] channels, twoD, avgAndMax) = architecture switch
        {
            CnnArchitecture.Tiny => (new[] { 4, 8 }, true, false),
            CnnArchitecture.Conv2dSmall => (new[] { 16, 32, 64 }, true, false),
            CnnArchitecture.Conv2dWide => (new[] { 24, 48, 96, 128 }, true, true),
            CnnArchitecture.Conv1dTime => (new[] { 128, 128, 128 }, false, true),
            _ => throw new ArgumentException($"unknown architecture {architecture}", nameof(architecture)),
        };
        var blocks = new List<(string, Module<Tensor, Tensor>)>();
        int inChannels = twoD ? 1 : nMels;
        for (int i = 0; i < channels.Length; i++)
        {
            int c = channels[i];
            if (twoD)
            {
                blocks.Add(($"conv{i}", Conv2d(inChannels, c, 3, padding: 1, bias: false)));
                blocks.Add(($"bn{i}", new StableBatchNorm(c)));
                blocks.Add(($"relu{i}", ReLU()));
                blocks.Add(($"pool{i}", MaxPool2d(2)));
            }
            else
            {
                blocks.Add(($"conv{i}", Conv1d(inChannels, c, 3, padding: 1, bias: false)));
                blocks.Add(($"bn{i}", new StableBatchNorm(c)));
                blocks.Add(($"relu{i}", ReLU()));
                blocks.Add(($"pool{i}", MaxPool1d(2)));
            }
            inChannels = c;
        }
        features = Sequential(blocks);
        EmbeddingSize = inChannels * (avgAndMax ? 2 : 1);
        dropout = Dropout(dropoutRate);
        head = Linear(EmbeddingSize, classCount);
        RegisterComponents();
    }

    /// <summary>Length of the penultimate (pooled) representation.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Smallest window (frames) and band count the pooling stack accepts.</summary>
    public static int MinimumSize(CnnArchitecture architecture) => architecture switch
    {
        CnnArchitecture.Tiny => 4,
        CnnArchitecture.Conv2dWide => 16,
        _ => 8,
    };

    /// <summary>Penultimate layer: pooled conv features, [batch, <see cref="EmbeddingSize"/>].</summary>
    public Tensor Embed(Tensor x)
    {
        using var input = twoD ? x.unsqueeze(1) : x.alias();
        using var maps = features.forward(input);
        long[] dims = twoD ? new long[] { 2, 3 } : new long[] { 2 };
        if (!avgAndMax) return maps.mean(dims);
        using var avg = maps.mean(dims);
        using var max = maps.amax(dims);
        return torch.cat(new[] { avg, max }, 1);
    }

    public override Tensor forward(Tensor x)
    {
        using var embedding = Embed(x);
        using var dropped = dropout.forward(embedding);
        return head.forward(dropped);
    }
}
