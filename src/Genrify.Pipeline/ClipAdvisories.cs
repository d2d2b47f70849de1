using System.Numerics.Tensors;

namespace Genrify.Pipeline;

/// <summary>
/// Warnings about audio that decodes and classifies fine but whose genres mean little: digital silence (every model
/// still answers, with a confident-looking guess) and clips far shorter than the 30 s the models learn from. They go
/// next to the decoder's warnings, so the CLI, its JSON and the web app show them without knowing about them.
/// </summary>
public static class ClipAdvisories
{
    /// <summary>Clips shorter than this get a warning: a few bars are too little to tell most genres apart.</summary>
    public const double ShortClipSeconds = 3.0;

    /// <summary>
    /// <paramref name="warnings"/> (null: none) followed by this clip's advisories, each naming <paramref name="name"/>.
    /// </summary>
    public static IReadOnlyList<string> Append(IReadOnlyList<string>? warnings, string name, ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var found = new List<string>(warnings ?? []);
        double seconds = (double)samples.Length / sampleRate;
        if (samples.Length > 0 && TensorPrimitives.MaxMagnitude(samples) == 0f)
            found.Add($"{name}: the audio is digital silence; its genres are a guess");
        if (seconds < ShortClipSeconds)
            found.Add($"{name}: only {seconds:0.###} s of audio; genres from under {ShortClipSeconds:0} s are unreliable");
        return found;
    }
}
