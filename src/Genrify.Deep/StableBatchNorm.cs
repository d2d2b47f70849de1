using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Genrify.Deep;

/// <summary>
/// Batch normalisation over the channel axis (1-D or 2-D maps), momentum 0.1, eps 1e-5: what torch.nn.BatchNorm does,
/// without its <c>num_batches_tracked.add_(1)</c>. TorchSharp passes that implicit scalar to native code through a raw
/// handle that the garbage collector may finalise mid-call; long training runs crashed there ("For integral input
/// tensors, argument alpha must not be a floating point number"). F.batch_norm takes plain doubles.
/// </summary>
internal sealed class StableBatchNorm : nn.Module<Tensor, Tensor>
{
    private const double Momentum = 0.1;
    private const double Eps = 1e-5;

    public StableBatchNorm(long channels) : base("batch_norm")
    {
        register_parameter("weight", new TorchSharp.Modules.Parameter(torch.ones(channels)));
        register_parameter("bias", new TorchSharp.Modules.Parameter(torch.zeros(channels)));
        register_buffer("running_mean", torch.zeros(channels));
        register_buffer("running_var", torch.ones(channels));
    }

    public override Tensor forward(Tensor input) =>
        // Looked up by name each call, so moving the module to another device is picked up.
        F.batch_norm(input, get_buffer("running_mean"), get_buffer("running_var"), get_parameter("weight"), get_parameter("bias"),
                     training, Momentum, Eps);
}
