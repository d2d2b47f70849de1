using Genrify.Dsp;
using Genrify.Features.Extraction;

namespace Genrify.Features.Tests.TestOnly;

/// <summary>
/// TEST-ONLY extractor of a matrix per clip: a log-mel spectrogram (librosa's power_to_db(melspectrogram(y))) with
/// <paramref name="bands"/> mel bands, counting its calls so a test can tell computed results from cached ones.
/// </summary>
internal sealed class TestOnlyLogMelExtractor(int bands = 128) : IClipExtractor<Matrix>
{
    public string Name => "test-logmel";
    public int SampleRate => 22050;
    public string Recipe => $"bands={bands}";

    /// <summary>How many clips were computed.</summary>
    public int Calls => _calls;
    private int _calls;

    public Matrix Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
    {
        Interlocked.Increment(ref _calls);
        return Compute(samples, bands);
    }

    /// <summary>The log-mel of <paramref name="samples"/>, as the extractor computes it.</summary>
    public static Matrix Compute(ReadOnlySpan<float> samples, int bands) =>
        Decibels.PowerToDb(MelSpectrogram.Compute(samples, 22050, nMels: bands));
}
