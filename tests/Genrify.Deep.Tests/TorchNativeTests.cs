using TorchSharp;

namespace Genrify.Deep.Tests;

/// <summary>TorchSharp's native wrapper loads (after the GLIBCXX patch where needed) and autograd works.</summary>
public class TorchNativeTests
{
    [Fact]
    public void ForwardAndBackwardPassGivesTheAnalyticGradient()
    {
        using var x = torch.tensor(new float[] { 1f, -2f, 3f }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        Assert.Equal(new float[] { 2f, -4f, 6f }, x.grad!.data<float>().ToArray());
    }
}
