using TorchSharp;

namespace Genrify.Deep.Tests;

/// <summary>The network's own batch norm computes what torch.nn.BatchNorm1d/2d compute, in training and in evaluation.</summary>
public class StableBatchNormTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatchesTorchBatchNormInTrainingAndEvaluation(bool twoD)
    {
        torch.manual_seed(3);
        long[] shape = twoD ? [6, 5, 4, 7] : [6, 5, 9];
        using var ours = new StableBatchNorm(5);
        using TorchSharp.torch.nn.Module<torch.Tensor, torch.Tensor> reference = twoD ? torch.nn.BatchNorm2d(5) : torch.nn.BatchNorm1d(5);
        ours.train();
        reference.train();
        for (int step = 0; step < 3; step++) // running statistics are updated alike
        {
            using var x = torch.randn(shape) * 2 + 1;
            using var a = ours.forward(x);
            using var b = reference.forward(x);
            Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-5), $"training step {step}");
        }
        ours.eval();
        reference.eval();
        using var probe = torch.randn(shape);
        using var ea = ours.forward(probe);
        using var eb = reference.forward(probe);
        Assert.True(ea.allclose(eb, rtol: 1e-5, atol: 1e-5), "evaluation");
        // And the statistics are not the identity: evaluation differs from a fresh layer's output.
        using var fresh = new StableBatchNorm(5);
        fresh.eval();
        using var ef = fresh.forward(probe);
        Assert.False(ea.allclose(ef, rtol: 1e-3, atol: 1e-3));
    }
}
