namespace Genrify.Learning;

/// <summary>
/// A trained classifier as stored in a model file (<see cref="IClassifier.ToEntry"/>). The JSON object carries its
/// kind in a <c>"kind"</c> property, read before the rest (<see cref="ClassifierSerializer"/>), wherever it stands.
/// </summary>
public abstract record ClassifierEntry
{
    /// <summary>The discriminator's property name.</summary>
    public const string KindProperty = "kind";

    // Only this assembly's entries: each knows how to restore its classifier.
    private protected ClassifierEntry() { }

    /// <summary>Restores the classifier; <see cref="InvalidDataException"/> when the entry is inconsistent.</summary>
    internal abstract IClassifier ToClassifier();
}
