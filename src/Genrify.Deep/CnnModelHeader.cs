using System.Text.Json.Serialization;

namespace Genrify.Deep;

/// <summary>The JSON header of a CNN model file (<see cref="CnnModel.Save"/>): what the weights after it need to be used.</summary>
public sealed record CnnModelHeader
{
    /// <summary>The format's name, <c>genrify-cnn</c>.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>The format's version (<see cref="CnnModel.FormatVersion"/>); null in a file that does not say.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    /// <summary>The network's architecture (a <see cref="CnnArchitecture"/> name).</summary>
    [JsonPropertyName("architecture")]
    public required string Architecture { get; init; }

    /// <summary>Genre names, index = class.</summary>
    [JsonPropertyName("classes")]
    public required string[] Classes { get; init; }

    /// <summary>Frames per window the network reads.</summary>
    [JsonPropertyName("window_frames")]
    public required int WindowFrames { get; init; }

    /// <summary>The log-mel settings its input must be computed with.</summary>
    [JsonPropertyName("log_mel")]
    public required LogMelSettings LogMel { get; init; }

    /// <summary>Per-band mean of the training log-mels.</summary>
    [JsonPropertyName("band_mean")]
    public required float[] BandMean { get; init; }

    /// <summary>Per-band scale of the training log-mels.</summary>
    [JsonPropertyName("band_scale")]
    public required float[] BandScale { get; init; }

    /// <summary>The dropout rate the network was built with.</summary>
    [JsonPropertyName("dropout")]
    public required double Dropout { get; init; }
}
