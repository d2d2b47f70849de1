using Genrify.Data;
using Genrify.Features;
using Genrify.Features.Extraction;
using Genrify.Pipeline;
using Genrify.Pipeline.Insight;

namespace Genrify.Web;

/// <summary>
/// Opens what <c>genrify serve --collection</c> names (a feature table, a folder per genre or a manifest) as the songs
/// the explanations compare with: audio is extracted with the preset of the model's space (<c>musicnn</c> for the
/// default model), on every core and through the feature cache, so a second start costs a read.
/// </summary>
public static class CollectionLoader
{
    /// <summary>
    /// An explainer of <paramref name="predictor"/> that compares songs with the collection at <paramref name="source"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The collection cannot be used: nothing at <paramref name="source"/>, a table
    /// or manifest that cannot be read, no usable audio, features other than the model's space's, or a model kind that
    /// has no space to compare songs in. The message names the source and the reason.</exception>
    public static SongExplainer Load(IGenrePredictor predictor, string source, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var space = SongEmbedding.Of(predictor)
            ?? throw new ArgumentException($"collection {source}: this kind of model has no space to compare songs in");
        try
        {
            var data = new GenrifyContext().Data.Load(source, space.Preset.Name, new TrainingSourceOptions { Progress = progress, Cancel = cancel });
            return SongExplainer.ForCollection(predictor, data.Data);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FeatureTableException or PresetUnavailableException or UnauthorizedAccessException
                                      or ArgumentException)
        {
            // The library's messages mostly name the path already.
            var reason = e.Message.StartsWith(source, StringComparison.Ordinal) ? e.Message : $"{source}: {e.Message}";
            throw new ArgumentException($"collection {reason}", e); // no parameter name: the message is for people, whole
        }
    }

    /// <summary>The preset a collection for <paramref name="predictor"/> is extracted with, or null for a model kind
    /// that has no space to compare songs in.</summary>
    public static string? PresetFor(IGenrePredictor predictor) => SongEmbedding.Of(predictor)?.Preset.Name;
}
