using Genrify.Features.Collections;

namespace Genrify.Features.Extraction;

/// <summary>The outcome of a <see cref="BatchExtractor{T}"/> run.</summary>
/// <typeparam name="T">What one clip yields.</typeparam>
/// <param name="Clips">One entry per track that worked, in collection order.</param>
/// <param name="Skipped">Tracks without a result and why (collection problems first, then failures in collection order).</param>
/// <param name="Warnings">Decoder warnings of kept tracks (e.g. a truncated file), as "FILE: message", also when served
/// from the cache, and a cache that stopped being written (naming the cache file).</param>
/// <param name="Extracted">Results computed in this run.</param>
/// <param name="CacheHits">Results served from the cache.</param>
/// <param name="Elapsed">Wall time of the batch.</param>
public sealed record BatchResult<T>(
    IReadOnlyList<ExtractedClip<T>> Clips,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<string> Warnings,
    int Extracted,
    int CacheHits,
    TimeSpan Elapsed);
