using Genrify.Audio;
using Genrify.Features.Caching;

namespace Genrify.Features.Extraction;

/// <summary>How a <see cref="BatchExtractor{T}"/> runs.</summary>
/// <typeparam name="T">What one clip yields.</typeparam>
public record BatchOptions<T>
{
    /// <summary>Worker count; defaults to every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Where finished results are remembered; null for no cache.</summary>
    public FeatureCache<T>? Cache { get; init; }

    /// <summary>Turns (path, sample rate, the worker's decode scratch) into samples; defaults to
    /// <see cref="ClipDecoder.Decode(string, int, DecodeScratch)"/>.</summary>
    public Func<string, int, DecodeScratch, AudioBuffer> Decoder { get; init; } = ClipDecoder.Decode;

    /// <summary>Where workers rent their working arrays and give them back, so they outlive the batch (many small
    /// batches in a row); null: each worker of each batch allocates its own.</summary>
    public ExtractionBufferPool? Buffers { get; init; }
}
