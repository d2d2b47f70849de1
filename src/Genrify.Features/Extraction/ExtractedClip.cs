using Genrify.Features.Collections;

namespace Genrify.Features.Extraction;

/// <summary>One track and what it yielded.</summary>
/// <typeparam name="T">What one clip yields.</typeparam>
/// <param name="Track">The track.</param>
/// <param name="Value">Its result (computed now or served from the cache).</param>
public sealed record ExtractedClip<T>(Track Track, T Value);
