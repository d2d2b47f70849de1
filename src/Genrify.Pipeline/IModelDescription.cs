namespace Genrify.Pipeline;

/// <summary>
/// What a predictor says about itself where no feature-model file describes it (the opt-in CNN), for summaries of
/// the serving model such as the web app's <c>/api/model</c>. A feature model (<see cref="SongPredictor"/>) is
/// described by its model file instead.
/// </summary>
public interface IModelDescription
{
    /// <summary>The input the model reads, in place of a feature preset's name (e.g. "log-mel").</summary>
    string InputName { get; }

    /// <summary>The trainer: algorithm and shape (e.g. "cnn (Conv1dTime)").</summary>
    string TrainerName { get; }

    /// <summary>Values per input step (a CNN: mel bands per frame).</summary>
    int FeatureCount { get; }
}
