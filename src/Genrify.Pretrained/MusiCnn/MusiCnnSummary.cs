namespace Genrify.Pretrained.MusiCnn;

/// <summary>One block of values a MusiCNN preset summarises a clip's patches into.</summary>
public enum MusiCnnSummary
{
    /// <summary>Mean over patches of the 200-value embedding (Essentia's clip summary).</summary>
    EmbeddingMean,
    /// <summary>Standard deviation over patches of the embedding: how much the clip changes.</summary>
    EmbeddingStd,
    /// <summary>Largest value over patches of each embedding value: the clip's strongest moments.</summary>
    EmbeddingMax,
    /// <summary>Mean over patches of the tag sigmoids (50 last.fm tags for the MSD network).</summary>
    TagMean,
}
