namespace Genrify.Deep;

/// <summary>The network shapes <see cref="CnnTrainer"/> can build (compared in docs/results-cnn.md).</summary>
public enum CnnArchitecture
{
    /// <summary>Two narrow 2-D conv blocks (4, 8 channels): for tests only.</summary>
    Tiny,

    /// <summary>Three 2-D conv blocks (16, 32, 64 channels), 3×3 kernels, batch norm, max-pool, global average pool.</summary>
    Conv2dSmall,

    /// <summary>Four 2-D conv blocks (24, 48, 96, 128 channels), global average and max pool.</summary>
    Conv2dWide,

    /// <summary>Mel bands as channels, three 1-D conv blocks over time (128, 128, 128), global average and max pool.</summary>
    Conv1dTime,
}
