namespace Genrify.Features.Extraction;

/// <summary>How a <see cref="BatchExtractor"/> runs a preset: <see cref="BatchOptions{T}"/> for feature vectors.</summary>
public sealed record BatchOptions : BatchOptions<double[]>;
