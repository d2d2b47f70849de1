namespace Genrify.Deep;

/// <summary>Hyper-parameters and run settings of <see cref="CnnTrainer"/>. Defaults are the ones reported in docs/results.md (CNN section).</summary>
public sealed record CnnTrainerOptions
{
    /// <summary>
    /// The configuration that did best on emotify's artist-disjoint folds (docs/results.md (CNN section)): Conv1dTime on 3 s
    /// windows, 4 crops per clip and epoch, up to 60 epochs with patience 15. What <c>genrify-cnn train</c> uses.
    /// </summary>
    public static CnnTrainerOptions Recommended { get; } = new()
    {
        Architecture = CnnArchitecture.Conv1dTime,
        Epochs = 60,
        Patience = 15,
        CropsPerClip = 4,
    };

    /// <summary>Network shape.</summary>
    public CnnArchitecture Architecture { get; init; } = CnnArchitecture.Conv2dSmall;

    /// <summary>Maximum number of epochs (early stopping usually ends sooner).</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Epochs without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 8;

    /// <summary>Windows per optimisation step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Dropout before the classifier layer.</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>Window length in seconds.</summary>
    public double WindowSeconds { get; init; } = 3.0;

    /// <summary>Random crops drawn from each training clip per epoch.</summary>
    public int CropsPerClip { get; init; } = 4;

    /// <summary>Whether crops get gain and mask augmentation.</summary>
    public bool Augment { get; init; } = true;

    /// <summary>
    /// Mixup strength α: each batch is blended with a shuffled copy of itself, weight λ ~ Beta(α, α), and the loss
    /// blends both labels alike. 0 turns it off.
    /// </summary>
    public double MixupAlpha { get; init; }

    /// <summary>Share of groups (artists) held out for early stopping; 0 trains for <see cref="Epochs"/> without validation.</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>Seeds weights, split, crops and dropout: same seed and data, same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>"cpu" or "cuda" (when available).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Torch intra-op threads; 0 leaves torch's default.</summary>
    public int Threads { get; init; }

    /// <summary>Where to keep resumable checkpoints (null: none). A run with the same options resumes from it.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>How the input log-mels were computed (stored in the model).</summary>
    public LogMelSettings LogMel { get; init; } = LogMelSettings.Default;

    /// <summary>Throws <see cref="ArgumentException"/> for values out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Architecture)) throw new ArgumentException($"unknown architecture {Architecture}");
        if (Epochs < 1) throw new ArgumentException("Epochs must be at least 1");
        if (Patience < 1) throw new ArgumentException("Patience must be at least 1");
        if (BatchSize < 2) throw new ArgumentException("BatchSize must be at least 2 (batch norm)");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException("LearningRate must be positive");
        if (!(WeightDecay >= 0)) throw new ArgumentException("WeightDecay must be non-negative");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException("Dropout must be in [0, 1)");
        if (!(WindowSeconds > 0) || !double.IsFinite(WindowSeconds)) throw new ArgumentException("WindowSeconds must be positive");
        if (!(MixupAlpha >= 0) || !double.IsFinite(MixupAlpha)) throw new ArgumentException("MixupAlpha must be non-negative");
        if (CropsPerClip < 1) throw new ArgumentException("CropsPerClip must be at least 1");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw new ArgumentException("ValidationFraction must be in [0, 1)");
        if (Threads < 0) throw new ArgumentException("Threads must be non-negative");
        if (Device is not ("cpu" or "cuda")) throw new ArgumentException($"Device must be \"cpu\" or \"cuda\", not \"{Device}\"");
        ArgumentNullException.ThrowIfNull(LogMel);
    }
}

/// <summary>One epoch's progress: mean training loss and, when there is a validation split, its clip-level loss and accuracy.</summary>
public sealed record CnnEpochReport(int Epoch, int Epochs, double TrainLoss, double? ValidationLoss,
                                    double? ValidationAccuracy, bool Improved, TimeSpan Elapsed);

/// <summary>What <see cref="CnnTrainer.Train"/> returns: the best model and the epoch history.</summary>
public sealed record CnnTrainingResult(CnnModel Model, IReadOnlyList<CnnEpochReport> History, int BestEpoch);
