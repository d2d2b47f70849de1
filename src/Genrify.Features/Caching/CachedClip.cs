namespace Genrify.Features.Caching;

/// <summary>A cached result of one clip (a feature vector, a log-mel matrix) and the decoder warnings it came with.</summary>
/// <typeparam name="T">What the clip yielded.</typeparam>
/// <param name="Value">The result.</param>
/// <param name="Warnings">The decoder's warnings, the file's path taken out (see <c>CachedWarnings</c>).</param>
public sealed record CachedClip<T>(T Value, IReadOnlyList<string> Warnings);
