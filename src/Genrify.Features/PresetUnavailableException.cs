namespace Genrify.Features;

/// <summary>
/// Thrown when a registered preset cannot run on this machine, e.g. <c>musicnn</c> without its model weights;
/// the message says what is missing and how to provide it.
/// </summary>
public sealed class PresetUnavailableException(string message) : InvalidOperationException(message);
