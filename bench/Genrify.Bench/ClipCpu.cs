using Genrify.Audio;
using Genrify.Features;
using System.Text.Json.Nodes;

namespace Genrify.Bench;

/// <summary>
/// Sums the worker threads' own CPU time spent decoding and extracting, across all workers of a batch. With two
/// workers on two free cores, a rise of this per-clip figure over one worker's is the cost of the workers sharing
/// caches, memory bandwidth or locks (the stall is billed to the thread that waits on memory).
/// </summary>
internal sealed class ClipCpu
{
    private long _decodeNs, _extractNs, _decodeFaults, _extractFaults;

    /// <summary>Thread CPU ms spent in <see cref="Decode"/> since the last <see cref="Reset"/>.</summary>
    public double DecodeMs => Interlocked.Read(ref _decodeNs) / 1e6;

    /// <summary>Thread CPU ms spent in the wrapped preset's Extract since the last <see cref="Reset"/>.</summary>
    public double ExtractMs => Interlocked.Read(ref _extractNs) / 1e6;

    /// <summary>Minor page faults taken by the worker threads in <see cref="Decode"/> since the last <see cref="Reset"/>.</summary>
    public long DecodeFaults => Interlocked.Read(ref _decodeFaults);

    /// <summary>Minor page faults taken by the worker threads in the wrapped preset's Extract since the last <see cref="Reset"/>.</summary>
    public long ExtractFaults => Interlocked.Read(ref _extractFaults);

    /// <summary>Zeroes all sums.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _decodeNs, 0);
        Interlocked.Exchange(ref _extractNs, 0);
        Interlocked.Exchange(ref _decodeFaults, 0);
        Interlocked.Exchange(ref _extractFaults, 0);
    }

    /// <summary>Whether <see cref="Decode"/> decodes into the worker's scratch (the batch default) or afresh.</summary>
    public bool UseDecodeScratch { get; init; } = true;

    /// <summary><see cref="ClipDecoder.Decode(string, int, DecodeScratch)"/>, timed.</summary>
    public AudioBuffer Decode(string path, int sampleRate, DecodeScratch scratch)
    {
        long start = ThreadClock.CpuNanoseconds();
        long faults = ProcessUsage.ThreadNow().MinorFaults;
        try { return ClipDecoder.Decode(path, sampleRate, UseDecodeScratch ? scratch : null); }
        finally
        {
            Interlocked.Add(ref _decodeNs, ThreadClock.CpuNanoseconds() - start);
            Interlocked.Add(ref _decodeFaults, ProcessUsage.ThreadNow().MinorFaults - faults);
        }
    }

    /// <summary><paramref name="preset"/> with its Extract timed.</summary>
    public IFeaturePreset Wrap(IFeaturePreset preset) => new Timed(preset, this);

    private sealed class Timed(IFeaturePreset inner, ClipCpu owner) : IFeaturePreset
    {
        public string Name => inner.Name;
        public int SampleRate => inner.SampleRate;
        public IReadOnlyList<string> FeatureNames => inner.FeatureNames;
        public JsonObject Options => inner.Options;

        public double[] Extract(ReadOnlySpan<float> samples) => Extract(samples, new ExtractionBuffers());

        public double[] Extract(ReadOnlySpan<float> samples, ExtractionBuffers buffers)
        {
            long start = ThreadClock.CpuNanoseconds();
            long faults = ProcessUsage.ThreadNow().MinorFaults;
            try { return inner.Extract(samples, buffers); }
            finally
            {
                Interlocked.Add(ref owner._extractNs, ThreadClock.CpuNanoseconds() - start);
                Interlocked.Add(ref owner._extractFaults, ProcessUsage.ThreadNow().MinorFaults - faults);
            }
        }
    }
}
