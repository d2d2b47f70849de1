using System.Text.Json.Nodes;

namespace Genrify.Features;

/// <summary>
/// A named recipe that summarises one clip (mono float32 PCM) into one vector of named features.
/// Implementations are immutable and thread-safe: one instance serves every worker.
/// </summary>
public interface IFeaturePreset
{
    /// <summary>The preset's name as typed on the command line ("seed", "gtzan", "full").</summary>
    string Name { get; }

    /// <summary>The sample rate the preset expects its input at (librosa's default 22050 Hz).</summary>
    int SampleRate { get; }

    /// <summary>Column names, in the order <see cref="Extract(ReadOnlySpan{float})"/> writes values.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The settings that define the recipe (frame, hop, mel bands, ...), saved with models so that
    /// prediction refuses features computed differently.</summary>
    JsonObject Options { get; }

    /// <summary>Computes the feature vector of <paramref name="samples"/> (mono, at <see cref="SampleRate"/>).</summary>
    double[] Extract(ReadOnlySpan<float> samples);

    /// <summary>
    /// <see cref="Extract(ReadOnlySpan{float})"/> with working arrays that the caller keeps from clip to clip (one
    /// <paramref name="buffers"/> per worker); the result is identical. Presets without large intermediates ignore them.
    /// </summary>
    double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers) => Extract(samples);
}
