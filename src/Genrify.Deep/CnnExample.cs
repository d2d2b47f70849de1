using Genrify.Dsp;

namespace Genrify.Deep;

/// <summary>
/// One labelled clip for training: its log-mel spectrogram (mel bands × frames, in dB as computed with the
/// model's <see cref="LogMelSettings"/>), its class index and its group (the artist), which keeps all of a
/// group's clips on one side of a validation split.
/// </summary>
public sealed record CnnExample(Matrix LogMel, int Label, string Group)
{
    /// <summary>An example from decoded mono samples (at <paramref name="settings"/>' sample rate).</summary>
    public static CnnExample FromSamples(ReadOnlySpan<float> samples, int sampleRate, int label, string group,
                                         LogMelSettings settings) =>
        new(LogMelFrontEnd.Compute(samples, sampleRate, settings), label, group);

    /// <summary>An example from an audio file (decoded, resampled, analysed with <paramref name="settings"/>).</summary>
    public static CnnExample FromFile(string path, int label, string group, LogMelSettings settings) =>
        new(LogMelFrontEnd.FromFile(path, settings), label, group);

    /// <summary>Checks the example against the expected band count and class count.</summary>
    internal void Validate(int nMels, int classCount, int index)
    {
        if (LogMel is null) throw new ArgumentException($"example {index} has no log-mel matrix");
        if (LogMel.Rows != nMels)
            throw new ArgumentException($"example {index} has {LogMel.Rows} mel bands, expected {nMels}");
        if (LogMel.Columns < 1) throw new ArgumentException($"example {index} has no frames");
        if (Label < 0 || Label >= classCount)
            throw new ArgumentException($"example {index} has label {Label}, outside 0..{classCount - 1}");
        foreach (var v in LogMel.Data)
            if (!float.IsFinite(v)) throw new ArgumentException($"example {index} has a non-finite log-mel value");
    }
}
