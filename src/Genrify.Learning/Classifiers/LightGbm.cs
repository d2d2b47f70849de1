using System.Globalization;
using System.Text;

namespace Genrify.Learning;

/// <summary>
/// Gradient-boosted trees by LightGBM (native lib_lightgbm), multiclass softmax. Defaults follow scikit-learn's
/// HistGradientBoostingClassifier: 100 rounds, learning rate 0.1, 31 leaves, 20 rows per leaf, 255 bins, no L2.
/// Training is deterministic for a given seed (deterministic=true, column-wise histograms).
/// </summary>
public sealed class LightGbmTrainer : IClassifierTrainer
{
    /// <summary>Hyper-parameters; the defaults are scikit-learn's HistGradientBoostingClassifier's.</summary>
    public sealed record Options
    {
        /// <summary>Boosting rounds (≥ 1).</summary>
        public int Iterations { get; init; } = 100;

        /// <summary>Shrinkage per round, in (0, 1].</summary>
        public double LearningRate { get; init; } = 0.1;

        /// <summary>Maximum leaves per tree (≥ 2).</summary>
        public int Leaves { get; init; } = 31;

        /// <summary>Minimum training rows in a leaf (≥ 1).</summary>
        public int MinRowsPerLeaf { get; init; } = 20;

        /// <summary>L2 penalty on leaf values (≥ 0).</summary>
        public double L2 { get; init; }

        /// <summary>Share of features tried per tree, in (0, 1] (1 = all).</summary>
        public double FeatureFraction { get; init; } = 1.0;

        /// <summary>Random seed.</summary>
        public int Seed { get; init; }

        /// <summary>
        /// OpenMP threads; 0 = LightGBM's default (all cores). Default 1: feature tables are small, and OpenMP's spinning
        /// threads slow down badly on a busy machine (measured: 2 threads several times slower than 1 under load).
        /// </summary>
        public int Threads { get; init; } = 1;
    }

    /// <summary>A trainer with <paramref name="options"/> (defaults when null); throws <see cref="ArgumentException"/> on bad values.</summary>
    public LightGbmTrainer(Options? options = null)
    {
        var o = options ?? new Options();
        if (o.Iterations < 1) throw new ArgumentException($"iterations must be ≥ 1, got {o.Iterations}", nameof(options));
        if (!(o.LearningRate > 0 && o.LearningRate <= 1)) throw new ArgumentException($"learningRate must be in (0, 1], got {o.LearningRate}", nameof(options));
        if (o.Leaves < 2) throw new ArgumentException($"leaves must be ≥ 2, got {o.Leaves}", nameof(options));
        if (o.MinRowsPerLeaf < 1) throw new ArgumentException($"minRowsPerLeaf must be ≥ 1, got {o.MinRowsPerLeaf}", nameof(options));
        if (!(o.L2 >= 0) || !double.IsFinite(o.L2)) throw new ArgumentException($"l2 must be ≥ 0, got {o.L2}", nameof(options));
        if (!(o.FeatureFraction > 0 && o.FeatureFraction <= 1)) throw new ArgumentException($"featureFraction must be in (0, 1], got {o.FeatureFraction}", nameof(options));
        if (o.Threads < 0) throw new ArgumentException($"threads must be ≥ 0, got {o.Threads}", nameof(options));
        Settings = o;
    }

    /// <summary>The options in use.</summary>
    public Options Settings { get; }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"gbm(rounds={Settings.Iterations},lr={Settings.LearningRate:G3},leaves={Settings.Leaves},minLeaf={Settings.MinRowsPerLeaf}{(Settings.L2 > 0 ? $",l2={Settings.L2:G3}" : "")}{(Settings.FeatureFraction < 1 ? $",ff={Settings.FeatureFraction:G3}" : "")})");

    /// <inheritdoc/>
    public unsafe IClassifier Fit(double[][] features, int[] labels, int classCount)
    {
        InputChecks.RequireTrainingSet(features, labels, classCount);
        int n = features.Length, d = features[0].Length;
        var parameters = string.Join(' ', new[]
        {
            "objective=multiclass", $"num_class={classCount}",
            Invariant($"learning_rate={Settings.LearningRate}"), $"num_leaves={Settings.Leaves}", $"min_data_in_leaf={Settings.MinRowsPerLeaf}",
            Invariant($"lambda_l2={Settings.L2}"), Invariant($"feature_fraction={Settings.FeatureFraction}"), "max_bin=255",
            $"seed={Settings.Seed}", "deterministic=true", "force_col_wise=true", $"num_threads={Settings.Threads}", "verbosity=-1",
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
            for (int round = 0; round < Settings.Iterations; round++)
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
    public ClassifierEntry ToEntry() => new LightGbmEntry
    {
        Trainer = _trainer,
        ClassCount = ClassCount,
        FeatureCount = FeatureCount,
        Model = ModelText(),
    };

    /// <summary>Restores a model from its entry; <see cref="InvalidDataException"/> when the entry or the model text is bad.</summary>
    internal static LightGbmClassifier FromEntry(LightGbmEntry entry)
    {
        int classCount = entry.ClassCount, featureCount = entry.FeatureCount;
        if (LightGbmNative.LGBM_BoosterLoadModelFromString(entry.Model, out _, out var raw) != 0 || raw == 0)
            throw new InvalidDataException("gbm: the LightGBM model text cannot be loaded");
        var booster = new LightGbmNative.BoosterHandle(raw);
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetNumClasses(booster, out int boosterClasses), "reading the class count");
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetNumFeature(booster, out int boosterFeatures), "reading the feature count");
        if (boosterClasses != classCount || boosterFeatures != featureCount)
            throw new InvalidDataException($"gbm: model text has {boosterClasses} classes × {boosterFeatures} features, entry says {classCount} × {featureCount}");
        return new LightGbmClassifier(booster, classCount, featureCount, entry.Trainer ?? "gbm");
    }
}
