namespace Genrify.Features.Extraction;

/// <summary>
/// What a <see cref="BatchExtractor{T}"/> computes from each clip: a feature vector, a log-mel matrix, an embedding.
/// Implementations are immutable and thread-safe: one instance serves every worker.
/// </summary>
/// <typeparam name="T">What one clip yields.</typeparam>
public interface IClipExtractor<T>
{
    /// <summary>A short name ("gtzan", "logmel"), which also names its cache file.</summary>
    string Name { get; }

    /// <summary>The sample rate the clip is decoded at.</summary>
    int SampleRate { get; }

    /// <summary>Text that pins down everything that decides the result (settings, column names): a cache keyed by
    /// it never serves a result computed another way.</summary>
    string Recipe { get; }

    /// <summary>The result of one clip (mono, at <see cref="SampleRate"/>), with working arrays the worker keeps from
    /// clip to clip. Throws <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> for a clip it
    /// cannot summarise (the file is then skipped with that reason).</summary>
    T Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers);
}
