using System.Runtime.ExceptionServices;
using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// Reads a file with libsndfile as soundfile 0.12 does for <c>SoundFile(path).read(frames, dtype='float32')</c>:
/// <c>sf_readf_float</c> with libsndfile's default normalisation (16-bit /32768, u8 (u-128)/128, mpg123 gapless for MP3),
/// reading at most the frame count the header announces (soundfile's <c>frames - tell()</c>).
/// </summary>
internal static class SoundFileDecoder
{
    // First allocation at most this many samples; longer files grow the buffer (a hostile header can claim 2^62 frames).
    private const int InitialSampleCap = 1 << 24;

    // Frames per read: about 3 s at 44.1 kHz.
    private const long BlockFrames = 1 << 17;

    /// <summary>Opens <paramref name="path"/>; null when libsndfile does not recognise it (<paramref name="error"/> says why).</summary>
    /// <remarks>What libmpg123 prints to stderr meanwhile is not shown; it becomes part of a warning or of the error.
    /// Decodes on other threads run meanwhile; when anything was printed during this one, it is done again while no
    /// other decode can print, and that result replaces the first (see <see cref="NativeStderrCapture"/>).
    /// With <see cref="LoadOptions.Scratch"/>, the frames are read into its array (see <see cref="DecodeScratch"/>).</remarks>
    public static DecodedAudio? TryDecode(string path, LoadOptions options, out string error)
    {
        // Side by side with other decodes first: mpg123 prints for few files, and only then is the decode redone
        // alone to learn whose text it was. Decoding is deterministic, so the redo gives the same audio.
        DecodedAudio? audio = null;
        ExceptionDispatchInfo? failure = null;
        var shared = NativeStderrCapture.StartShared();
        try
        {
            audio = DecodeCapturing(path, options, shared, out error);
        }
        catch (AudioDecodeException e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            error = "";
        }
        finally
        {
            shared.Stop();
        }
        if (!shared.Overheard)
        {
            failure?.Throw();
            return audio;
        }
        using var exclusive = NativeStderrCapture.StartExclusive();
        return DecodeCapturing(path, options, exclusive, out error);
    }

    private static DecodedAudio? DecodeCapturing(string path, LoadOptions options, NativeStderrCapture capture, out string error)
    {
        var info = new LibSndFile.Info();
        IntPtr file = LibSndFile.Open(path, LibSndFile.ModeRead, ref info);
        if (file == IntPtr.Zero)
        {
            error = WithDecoderText(LibSndFile.ErrorMessage(IntPtr.Zero), capture);
            return null;
        }
        error = "";
        try
        {
            // Only libmpg123 prints while decoding: other formats leave the window once the file is open.
            if ((info.Format & LibSndFile.MajorFormatMask) != LibSndFile.FormatMpeg) capture.Stop();
            return Decode(path, file, info, options, capture);
        }
        catch (AudioDecodeException e)
        {
            string reason = WithDecoderText(e.Reason, capture);
            if (reason == e.Reason) throw;
            throw new AudioDecodeException(path, reason, e.InnerException);
        }
        finally
        {
            LibSndFile.Close(file);
        }
    }

    private static unsafe DecodedAudio Decode(string path, IntPtr file, LibSndFile.Info info, LoadOptions options, NativeStderrCapture capture)
    {
        double offset = options.Offset;
        var scratch = options.Scratch;
        int channels = info.Channels, sampleRate = info.SampleRate;
        if (channels <= 0) throw new AudioDecodeException(path, $"header declares {channels} channels");
        if (sampleRate <= 0) throw new AudioDecodeException(path, $"header declares sample rate {sampleRate} Hz");
        var warnings = HeaderWarnings(path, file);
        long total = Math.Max(0, info.Frames);

        long position = 0;
        if (offset != 0)
        {
            // librosa: sf_desc.seek(int(offset * sr_native)); a failed seek makes librosa fall back to audioread,
            // which then finds nothing past the end: the result is empty.
            long start = (long)(offset * sampleRate);
            position = start <= total ? LibSndFile.Seek(file, start, LibSndFile.SeekSet) : -1;
            if (position < 0)
            {
                warnings.Add(WithDecoderText($"{path}: offset {offset} s (frame {start}) is past the end ({total} frames): no audio read", capture));
                return new DecodedAudio([], 0, channels, sampleRate, "soundfile", warnings);
            }
        }
        long remaining = Math.Max(0, total - position);
        long limit = options.FramesWanted(sampleRate, out bool capped);
        long wanted = Math.Min(remaining, limit);
        if (capped && remaining > limit)
            warnings.Add(options.CapWarning(path, limit, remaining, sampleRate));

        long maxFrames = Array.MaxLength / channels;
        long capacity = Math.Min(wanted, Math.Max(1, InitialSampleCap / channels));
        int initialLength = checked((int)(capacity * channels));
        var buffer = scratch?.Interleaved(initialLength) ?? new float[initialLength];
        long read = 0;
        while (read < wanted)
        {
            if (read == capacity)
            {
                if (capacity >= maxFrames)
                    throw new AudioDecodeException(path, $"audio too long (more than {maxFrames} frames of {channels} channels)");
                capacity = Math.Min(Math.Min(wanted, maxFrames), capacity * 2);
                int grown = checked((int)(capacity * channels));
                if (scratch is not null) buffer = scratch.GrowInterleaved(buffer, grown);
                else Array.Resize(ref buffer, grown);
            }
            options.Cancel.ThrowIfCancellationRequested();
            long got;
            // In blocks, so that a cancellation is seen within a few milliseconds of decoding.
            fixed (float* p = buffer)
                got = LibSndFile.ReadFramesFloat(file, p + read * channels, Math.Min(Math.Min(capacity, wanted) - read, BlockFrames));
            if (got <= 0) break;
            read += got;
        }
        if (read < wanted)
        {
            string detail = LibSndFile.ErrorMessage(file);
            warnings.Add(WithDecoderText($"{path}: header claims {total} frames, only {position + read} could be decoded (truncated or corrupt"
                + (detail is "No Error." or "" ? ")" : $": {detail})"), capture));
        }
        else if (NativeStderrCapture.DecoderSaid(capture.Stop()) is { Length: > 0 } said)
        {
            warnings.Add($"{path}: {said}");
        }
        return new DecodedAudio(buffer, (int)read, channels, sampleRate, "soundfile", warnings);
    }

    // Stops the capture and appends what the native decoder printed, if anything, to a message.
    private static string WithDecoderText(string message, NativeStderrCapture capture) =>
        NativeStderrCapture.DecoderSaid(capture.Stop()) is { Length: > 0 } said ? $"{message}; {said}" : message;

    // libsndfile logs header inconsistencies it corrected, e.g. "data : 1323000 (should be 44100)" for a WAV whose
    // header claims more audio than the file holds. Those become warnings; libsndfile already decodes what is there.
    private static List<string> HeaderWarnings(string path, IntPtr file)
    {
        var warnings = new List<string>();
        foreach (var raw in LibSndFile.LogInfo(file).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Contains("should be", StringComparison.Ordinal) || line.StartsWith("***", StringComparison.Ordinal))
                warnings.Add($"{path}: header inconsistency (libsndfile: '{line.TrimStart('*', ' ')}')");
        }
        return warnings;
    }
}
