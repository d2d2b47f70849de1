namespace Genrify.Learning;

/// <summary>
/// A trained multi-class classifier over (already standardised) feature vectors.
/// Classes are indices 0..<see cref="ClassCount"/>-1; names live in the model file, not here.
/// </summary>
public interface IClassifier
{
    /// <summary>A short stable identifier of the algorithm ("svm", "gbm", "logreg", ...), used in model files.</summary>
    string Kind { get; }

    /// <summary>Number of classes the classifier was trained on.</summary>
    int ClassCount { get; }

    /// <summary>Number of features each row must have.</summary>
    int FeatureCount { get; }

    /// <summary>Writes one probability per class (non-negative, summing to 1) for one row.</summary>
    void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities);

    /// <summary>The trained state as a model-file entry; <see cref="ClassifierSerializer"/> reads it back by its kind.</summary>
    ClassifierEntry ToEntry();
}

/// <summary>Fits an <see cref="IClassifier"/> from labelled rows.</summary>
public interface IClassifierTrainer
{
    /// <summary>Name shown in reports, with the key hyper-parameters (e.g. "svm(C=10,gamma=scale)").</summary>
    string Name { get; }

    /// <summary>
    /// Fits on <paramref name="features"/> (rows × features) with labels in 0..classCount-1.
    /// Throws <see cref="ArgumentException"/> on empty input, ragged rows, non-finite values or labels out of range.
    /// </summary>
    IClassifier Fit(double[][] features, int[] labels, int classCount);

    /// <summary>
    /// Fits knowing each row's group (its artist): a trainer that tunes itself by inner cross-validation keeps each
    /// group inside one inner fold, so it picks what generalises to unseen artists rather than what recognises known
    /// ones. Trainers without an inner search ignore the groups.
    /// </summary>
    /// <param name="features">Rows × features.</param>
    /// <param name="labels">Class of each row.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="groups">Group of each row, or null when the rows have none.</param>
    IClassifier Fit(double[][] features, int[] labels, int classCount, IReadOnlyList<string>? groups) => Fit(features, labels, classCount);
}
