using System.Text.Json;
using Genrify.Dsp;
using Genrify.Features;
using Genrify.Features.Extraction;

namespace Genrify.Deep;

/// <summary>The CNN's input of a clip (<see cref="LogMelFrontEnd.Compute"/>) as what a batch extraction yields per clip.</summary>
/// <param name="settings">How the log-mel is computed; they are the recipe its cache is keyed by.</param>
public sealed class LogMelExtractor(LogMelSettings settings) : IClipExtractor<Matrix>
{
    /// <summary>How the log-mel is computed.</summary>
    public LogMelSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <inheritdoc />
    public string Name => "logmel";

    /// <inheritdoc />
    public int SampleRate => Settings.SampleRate;

    /// <inheritdoc />
    public string Recipe => JsonSerializer.Serialize(Settings);

    /// <inheritdoc />
    public Matrix Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        if (samples.IsEmpty) throw new ArgumentException("no audio samples");
        return LogMelFrontEnd.Compute(samples, Settings.SampleRate, Settings);
    }
}
