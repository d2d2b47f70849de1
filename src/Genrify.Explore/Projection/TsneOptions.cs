namespace Genrify.Explore;

/// <summary>
/// The settings of <see cref="Tsne.Project"/>. The defaults are scikit-learn's (van der Maaten and Hinton's schedule with
/// the "auto" learning rate).
/// </summary>
public sealed record TsneOptions
{
    /// <summary>The effective number of neighbours each point attends to (5 to 50 is usual); it must be below the number of rows.</summary>
    public double Perplexity { get; init; } = 30.0;

    /// <summary>Gradient-descent iterations in all, the exaggerated ones included.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>The first iterations, during which the input similarities are multiplied by <see cref="EarlyExaggeration"/> so clusters form.</summary>
    public int ExaggerationIterations { get; init; } = 250;

    /// <summary>The factor of the early exaggeration.</summary>
    public double EarlyExaggeration { get; init; } = 12.0;

    /// <summary>The step size; null for scikit-learn's "auto": max(rows / <see cref="EarlyExaggeration"/> / 4, 50).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Seeds the random start used when the rows have no two-dimensional principal plane (fewer than two columns, or all rows equal); the usual start, the PCA plane, is deterministic by itself.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The most rows projected. The gradient is exact, O(rows²) time per iteration and rows² doubles of memory (200 MB at
    /// 5000), so a larger collection is refused with an <see cref="ArgumentException"/>: project a random sample of it instead.
    /// </summary>
    public int MaxExactPoints { get; init; } = 5000;
}
