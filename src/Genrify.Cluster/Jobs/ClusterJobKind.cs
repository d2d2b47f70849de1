namespace Genrify.Cluster.Jobs;

/// <summary>What a cluster job computes for each song of its collection.</summary>
public enum ClusterJobKind
{
    /// <summary>The features of a preset: the store becomes a feature table in part files.</summary>
    Extract,

    /// <summary>A model's genre probabilities: the store becomes a table of predictions in part files.</summary>
    Predict,
}
