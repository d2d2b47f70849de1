using Genrify.Data;
using Genrify.Features.Collections;

namespace Genrify.Features.Extraction;

/// <summary>The outcome of a batch.</summary>
/// <param name="Table">One row per song that worked, in collection order.</param>
/// <param name="Skipped">Songs without a row and why (collection problems first, then failures in collection order).</param>
/// <param name="Warnings">Decoder warnings of rows that were kept (e.g. a truncated file), as "FILE: message", and
/// a feature cache that stopped being written (naming the cache file).</param>
/// <param name="Extracted">Rows computed in this run.</param>
/// <param name="CacheHits">Rows served from the cache.</param>
/// <param name="Elapsed">Wall time of the batch.</param>
public sealed record BatchResult(
    FeatureTable Table,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<string> Warnings,
    int Extracted,
    int CacheHits,
    TimeSpan Elapsed);
