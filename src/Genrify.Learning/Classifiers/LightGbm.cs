using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>
/// Gradient-boosted trees by LightGBM (native lib_lightgbm), multiclass softmax. Defaults follow scikit-learn's
/// HistGradientBoostingClassifier: 100 rounds, learning rate 0.1, 31 leaves, 20 rows per leaf, 255 bins, no L2.
/// Training is deterministic for a given seed (deterministic=true, column-wise histograms).
/// </summary>
public sealed class LightGbmTrainer : IClassifierTrainer
{
    /// <summary>Creates a trainer; every argument is validated here.</summary>
    /// <param name="iterations">Boosting rounds.</param>
    /// <param name="learningRate">Shrinkage per round.</param>
    /// <param name="leaves">Maximum leaves per tree.</param>
    /// <param name="minRowsPerLeaf">Minimum training rows in a leaf.</param>
    /// <param name="l2">L2 penalty on leaf values.</param>
    /// <param name="featureFraction">Share of features tried per tree (1 = all).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="threads">OpenMP threads; 0 = LightGBM's default (all cores). Default 1: feature tables are small, and
    /// OpenMP's spinning threads slow down badly on a busy machine (measured: 2 threads several times slower than 1 under load).</param>
    public LightGbmTrainer(int iterations = 100, double learningRate = 0.1, int leaves = 31, int minRowsPerLeaf = 20,
        double l2 = 0.0, double featureFraction = 1.0, int seed = 0, int threads = 1)
    {
        if (iterations < 1) throw new ArgumentException($"iterations must be ≥ 1, got {iterations}", nameof(iterations));
        if (!(learningRate > 0 && learningRate <= 1)) throw new ArgumentException($"learningRate must be in (0, 1], got {learningRate}", nameof(learningRate));
        if (leaves < 2) throw new ArgumentException($"leaves must be ≥ 2, got {leaves}", nameof(leaves));
        if (minRowsPerLeaf < 1) throw new ArgumentException($"minRowsPerLeaf must be ≥ 1, got {minRowsPerLeaf}", nameof(minRowsPerLeaf));
        if (!(l2 >= 0) || !double.IsFinite(l2)) throw new ArgumentException($"l2 must be ≥ 0, got {l2}", nameof(l2));
        if (!(featureFraction > 0 && featureFraction <= 1)) throw new ArgumentException($"featureFraction must be in (0, 1], got {featureFraction}", nameof(featureFraction));
        if (threads < 0) throw new ArgumentException($"threads must be ≥ 0, got {threads}", nameof(threads));
        Iterations = iterations;
        LearningRate = learningRate;
        Leaves = leaves;
        MinRowsPerLeaf = minRowsPerLeaf;
        L2 = l2;
        FeatureFraction = featureFraction;
        Seed = seed;
        Threads = threads;
    }

    /// <summary>Boosting rounds.</summary>
    public int Iterations { get; }

    /// <summary>Shrinkage per round.</summary>
    public double LearningRate { get; }

    /// <summary>Maximum leaves per tree.</summary>
    public int Leaves { get; }

    /// <summary>Minimum rows per leaf.</summary>
    public int MinRowsPerLeaf { get; }

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2 { get; }

    /// <summary>Share of features per tree.</summary>
    public double FeatureFraction { get; }

    /// <summary>Random seed.</summary>
    public int Seed { get; }

    /// <summary>Threads (0 = LightGBM's default).</summary>
    public int Threads { get; }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"gbm(rounds={Iterations},lr={LearningRate:G3},leaves={Leaves},minLeaf={MinRowsPerLeaf}{(L2 > 0 ? $",l2={L2:G3}" : "")}{(FeatureFraction < 1 ? $",ff={FeatureFraction:G3}" : "")})");

    /// <inheritdoc/>
    public unsafe IClassifier Fit(double[][] features, int[] labels, int classCount)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        int n = features.Length, d = features[0].Length;
        var parameters = string.Join(' ', new[]
        {
            "objective=multiclass", $"num_class={classCount}",
            Invariant($"learning_rate={LearningRate}"), $"num_leaves={Leaves}", $"min_data_in_leaf={MinRowsPerLeaf}",
            Invariant($"lambda_l2={L2}"), Invariant($"feature_fraction={FeatureFraction}"), "max_bin=255",
            $"seed={Seed}", "deterministic=true", "force_col_wise=true", $"num_threads={Threads}", "verbosity=-1",
        });
        var flat = new double[n * d];
        for (int i = 0; i < n; i++) features[i].CopyTo(flat, i * d);
        var labelValues = labels.Select(l => (float)l).ToArray();

        nint dataset;
        fixed (double* data = flat)
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(data, LightGbmNative.Float64, n, d, 1, parameters, 0, out dataset), "dataset creation");
        try
        {
            fixed (float* label = labelValues)
                LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(dataset, "label", label, n, LightGbmNative.Float32), "setting labels");
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(dataset, parameters, out var raw), "booster creation");
            var booster = new LightGbmNative.BoosterHandle(raw);
            for (int round = 0; round < Iterations; round++)
            {
                LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(booster, out int finished), "boosting round");
                if (finished != 0) break; // nothing left to split
            }
            return new LightGbmClassifier(booster, classCount, d, Name);
        }
        finally
        {
            LightGbmNative.LGBM_DatasetFree(dataset);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A trained LightGBM multiclass booster; serialised as LightGBM's own model text inside the model JSON.</summary>
public sealed class LightGbmClassifier : IBatchClassifier
{
    private readonly LightGbmNative.BoosterHandle _booster;
    private readonly string _trainer;

    internal LightGbmClassifier(LightGbmNative.BoosterHandle booster, int classCount, int featureCount, string trainer)
    {
        _booster = booster;
        ClassCount = classCount;
        FeatureCount = featureCount;
        _trainer = trainer;
    }

    /// <inheritdoc/>
    public string Kind => "gbm";

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public unsafe void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        InputChecks.RequirePredictionShape(features, probabilities, FeatureCount, ClassCount);
        fixed (double* row = features)
        fixed (double* result = probabilities)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(_booster, row, LightGbmNative.Float64, 1, FeatureCount, 1,
                LightGbmNative.PredictNormal, 0, -1, "", out _, result), "prediction");
    }

    /// <inheritdoc/>
    public unsafe double[][] PredictProbabilitiesBatch(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) return [];
        var flat = new double[rows.Length * FeatureCount];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != FeatureCount)
                throw new ArgumentException($"row {i} has {rows[i].Length} features, the classifier expects {FeatureCount}", nameof(rows));
            rows[i].CopyTo(flat, i * FeatureCount);
        }
        var output = new double[rows.Length * ClassCount];
        fixed (double* data = flat)
        fixed (double* result = output)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(_booster, data, LightGbmNative.Float64, rows.Length, FeatureCount, 1,
                LightGbmNative.PredictNormal, 0, -1, "", out _, result), "prediction");
        return Enumerable.Range(0, rows.Length).Select(i => output.AsSpan(i * ClassCount, ClassCount).ToArray()).ToArray();
    }

    /// <summary>LightGBM's model text (trees, parameters, feature info).</summary>
    public unsafe string ModelText()
    {
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(_booster, 0, -1, 0, 0, out long length, null), "model export");
        var buffer = new byte[length];
        fixed (byte* output = buffer)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(_booster, 0, -1, 0, length, out _, output), "model export");
        return Encoding.UTF8.GetString(buffer, 0, (int)Math.Max(0, length - 1)); // length counts the trailing NUL
    }

    /// <inheritdoc/>
    public JsonObject ToJson() => new()
    {
        ["trainer"] = _trainer,
        ["classCount"] = ClassCount,
        ["featureCount"] = FeatureCount,
        ["model"] = ModelText(),
    };

    /// <summary>Reads back <see cref="ToJson"/>; <see cref="InvalidDataException"/> when the entry or the model text is bad.</summary>
    public static LightGbmClassifier FromJson(JsonObject json)
    {
        int classCount = JsonRead.Value<int>(json, "classCount");
        int featureCount = JsonRead.Value<int>(json, "featureCount");
        var text = JsonRead.Value<string>(json, "model");
        if (LightGbmNative.LGBM_BoosterLoadModelFromString(text, out _, out var raw) != 0 || raw == 0)
            throw new InvalidDataException("gbm: the LightGBM model text cannot be loaded");
        var booster = new LightGbmNative.BoosterHandle(raw);
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetNumClasses(booster, out int boosterClasses), "reading the class count");
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetNumFeature(booster, out int boosterFeatures), "reading the feature count");
        if (boosterClasses != classCount || boosterFeatures != featureCount)
            throw new InvalidDataException($"gbm: model text has {boosterClasses} classes × {boosterFeatures} features, entry says {classCount} × {featureCount}");
        return new LightGbmClassifier(booster, classCount, featureCount, json["trainer"]?.GetValue<string>() ?? "gbm");
    }
}
