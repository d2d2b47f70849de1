using System.Text.Json.Nodes;

namespace Genrify.Learning.Tests;

/// <summary>
/// A test-only 1-nearest-neighbour classifier: it memorises its training rows, so it scores perfectly on any row that
/// has a near-duplicate (a clip of the same artist) in training and at chance on rows that do not.
/// </summary>
internal sealed class NearestNeighbourTrainer : IClassifierTrainer
{
    public string Name => "1-nn";

    public IClassifier Fit(double[][] features, int[] labels, int classCount) => new Model(features, labels, classCount);

    private sealed class Model(double[][] rows, int[] labels, int classCount) : IClassifier
    {
        public string Kind => "1-nn";
        public int ClassCount => classCount;
        public int FeatureCount => rows[0].Length;

        public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int i = 0; i < rows.Length; i++)
            {
                double d = 0;
                for (int j = 0; j < features.Length; j++) d += (features[j] - rows[i][j]) * (features[j] - rows[i][j]);
                if (d < bestDistance) (best, bestDistance) = (i, d);
            }
            probabilities.Clear();
            probabilities[labels[best]] = 1;
        }

        public ClassifierEntry ToEntry() => throw new NotSupportedException("test-only classifier");
    }
}
