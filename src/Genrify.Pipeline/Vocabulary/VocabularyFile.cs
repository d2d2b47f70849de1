namespace Genrify.Pipeline.Vocabulary;

/// <summary>A genre vocabulary file (<c>genrify-genre-vocabulary</c>) as stored; <see cref="GenreVocabulary.Parse"/> checks it.</summary>
public sealed record VocabularyFile
{
    /// <summary>The format's name, <see cref="GenreVocabulary.Format"/>.</summary>
    public string? Format { get; init; }

    /// <summary>The format's version (this build reads 1).</summary>
    public int? FormatVersion { get; init; }

    /// <summary>What the vocabulary does, for people.</summary>
    public string? About { get; init; }

    /// <summary>What its parts learnt from, for people.</summary>
    public string? TrainedOn { get; init; }

    /// <summary>How accurate it is, with the data it was measured on (a sentence), or null when not measured.</summary>
    public string? Accuracy { get; init; }

    /// <summary>A genre fits a song when its probability reaches this; 0.2 when absent.</summary>
    public double? FitsAt { get; init; }

    /// <summary>How many of the network's own tags to show beside the genres; 5 when absent.</summary>
    public int? TagsShown { get; init; }

    /// <summary>The genres, families before their children.</summary>
    public VocabularyGenreEntry?[]? Genres { get; init; }
}

/// <summary>One genre of a <see cref="VocabularyFile"/>: named by network tags or by one class of a feature model.</summary>
public sealed record VocabularyGenreEntry
{
    /// <summary>The genre's name.</summary>
    public string? Name { get; init; }

    /// <summary>The family it belongs to, or null for a family.</summary>
    public string? Parent { get; init; }

    /// <summary>The network tags that name it.</summary>
    public string?[]? Tags { get; init; }

    /// <summary>The feature model file (beside the vocabulary) that names it.</summary>
    public string? Model { get; init; }

    /// <summary>The class of <see cref="Model"/> it reads.</summary>
    public string? Class { get; init; }

    /// <summary>Genres that contradict it.</summary>
    public string?[]? Unless { get; init; }
}
