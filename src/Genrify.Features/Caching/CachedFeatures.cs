namespace Genrify.Features.Caching;

/// <summary>A cached vector and the decoder warnings it came with.</summary>
public sealed record CachedFeatures(double[] Values, IReadOnlyList<string> Warnings);
