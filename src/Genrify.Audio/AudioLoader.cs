using System.Numerics;

namespace Genrify.Audio;

/// <summary>
/// Loads audio exactly as <c>librosa.load(path, sr=22050, mono=True)</c> (librosa 0.11) does:
/// libsndfile decode to float32 (soundfile), the mean over channels (numpy float32), a finiteness check, then soxr HQ
/// resampling with librosa's length fix. Files libsndfile cannot open (MP4/AAC, …) go through the ffmpeg CLI, as
/// librosa's audioread fallback does. Thread-safe: decode files in parallel.
/// </summary>
/// <remarks>
/// ffmpeg hands over 16-bit PCM divided by 32768 (<see cref="FfmpegSampleFormat.Int16"/>) by default, not float: that is
/// what audioread feeds librosa. Against the AAC reference (clip09_edm_128_5s_aac.m4a) it is bit-identical at 22050 Hz and
/// at the native rate, while float PCM (<see cref="FfmpegSampleFormat.Float32"/>) is off by up to 1.8e-5 (the s16 rounding
/// librosa's numbers carry), beyond the 1e-5 parity tolerance. See docs/parity-audio.md.
/// </remarks>
public static class AudioLoader
{
    /// <summary>Decodes <paramref name="path"/> to mono float32 at <see cref="LoadOptions.SampleRate"/> (22050 Hz by default).</summary>
    /// <exception cref="ArgumentException">Bad options (including <c>Mono = false</c>: use <see cref="LoadChannels"/>).</exception>
    /// <exception cref="AudioDecodeException">The file is missing, unreadable, not audio, or holds NaN/Inf samples.</exception>
    public static AudioBuffer Load(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (!options.Mono)
            throw new ArgumentException("Load returns mono audio; use LoadChannels for Mono = false", nameof(options));
        var decoded = Decode(path, options);
        int rate = options.SampleRate ?? decoded.SampleRate;
        if (options.Scratch is null && rate == decoded.SampleRate)
        {
            // Nothing to resample and nothing borrowed: the fresh mix is the result (no second copy of the clip).
            var mix = ChannelMixer.Downmix(decoded.Samples, decoded.Channels);
            return new AudioBuffer(mix, rate, decoded.Backend, decoded.Warnings);
        }
        // With scratch the mix lives in it; Resample always returns a fresh array, so the result never aliases it.
        Span<float> mono = options.Scratch is { } scratch
            ? scratch.Mono(decoded.Frames)
            : new float[decoded.Frames];
        ChannelMixer.Downmix(decoded.Samples, decoded.Channels, mono);
        return new AudioBuffer(Resample(path, mono, decoded.SampleRate, rate), rate, decoded.Backend, decoded.Warnings);
    }

    /// <summary>
    /// Decodes <paramref name="path"/> keeping its channels (librosa <c>mono=False</c>), each resampled separately;
    /// with <see cref="LoadOptions.Mono"/> true the single channel is the mean, as in <see cref="Load"/>.
    /// </summary>
    /// <exception cref="AudioDecodeException">The file is missing, unreadable, not audio, or holds NaN/Inf samples.</exception>
    public static MultichannelAudio LoadChannels(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var decoded = Decode(path, options);
        float[][] channels = options.Mono
            ? [ChannelMixer.Downmix(decoded.Samples, decoded.Channels)]
            : ChannelMixer.Deinterleave(decoded.Samples, decoded.Channels);
        int rate = options.SampleRate ?? decoded.SampleRate;
        for (int c = 0; c < channels.Length; c++)
            channels[c] = Resample(path, channels[c], decoded.SampleRate, rate);
        return new MultichannelAudio(channels, rate, decoded.Backend, decoded.Warnings);
    }

    /// <summary>Decodes <paramref name="path"/> to mono at its native rate (<c>librosa.load(path, sr=None)</c>).</summary>
    public static AudioBuffer LoadNative(string path) => Load(path, new LoadOptions { SampleRate = null });

    // soxr refuses some rate pairs (e.g. a header claiming 2^31 Hz); that is a property of the file.
    private static float[] Resample(string path, ReadOnlySpan<float> samples, int nativeRate, int targetRate)
    {
        try
        {
            return Resampler.Resample(samples, nativeRate, targetRate);
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException)
        {
            throw new AudioDecodeException(path, $"cannot resample {nativeRate} Hz to {targetRate} Hz ({e.Message})", e);
        }
    }

    private static DecodedAudio Decode(string path, LoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options.Validate();
        var container = CheckFile(path);
        string soundFileError = "";
        // libsndfile picks its MPEG decoder by the file name when the content matches no format, and mpg123 then
        // produces nothing but resync notes. Content that is not MPEG audio at all goes to ffmpeg directly (it
        // decodes or gives a reason), so a bad file gets one clean line.
        var decoded = (container == AudioContainer.Unknown && HasMpegExtension(path)
                ? null
                : SoundFileDecoder.TryDecode(path, options, out soundFileError))
            ?? DecodeWithFfmpeg(path, options, container, container == AudioContainer.Unknown && soundFileError.Length == 0
                ? "not tried, no MPEG frame or ID3 tag at the start of the file" : soundFileError);
        CheckFinite(path, decoded);
        return decoded;
    }

    private static bool HasMpegExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".mp3" or ".mp2" or ".mp1" or ".mpga";

    // Reasons that need no decoder: missing, a directory, unreadable, empty. Returns the sniffed container.
    private static AudioContainer CheckFile(string path)
    {
        // One stat: a directory, and what must not be opened at all (a FIFO blocks until a writer comes, a device
        // such as /dev/zero never ends), are refused before opening.
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Directory) throw new AudioDecodeException(path, "is a directory, not an audio file");
        if (status.IsSpecial) throw new AudioDecodeException(path, $"not a regular file ({FileStatus.Describe(status.Kind)})");
        Span<byte> head = stackalloc byte[FormatSniffer.HeaderBytes];
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (stream.Length == 0) throw new AudioDecodeException(path, "empty file (0 bytes)");
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AudioDecodeException(path, "file not found", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioDecodeException(path, "cannot read the file (permission denied)", e);
        }
        catch (IOException e)
        {
            throw new AudioDecodeException(path, $"cannot read the file ({e.Message.ReplaceLineEndings(" ")})", e);
        }
        return FormatSniffer.Detect(head[..length]);
    }

    private static DecodedAudio DecodeWithFfmpeg(string path, LoadOptions options, AudioContainer container, string soundFileError)
    {
        if (!options.FfmpegFallback)
            throw new AudioDecodeException(path, Unreadable(container, $"libsndfile: {soundFileError}"));
        try
        {
            return FfmpegDecoder.Decode(path, options);
        }
        catch (AudioDecodeException e)
        {
            throw new AudioDecodeException(path, Unreadable(container, $"libsndfile: {soundFileError}; {e.Reason}"), e);
        }
    }

    private static string Unreadable(AudioContainer container, string detail) => container == AudioContainer.Unknown
        ? $"not an audio file (no known format header; {detail})"
        : $"{FormatSniffer.Describe(container)} file that cannot be decoded ({detail})";

    // librosa.util.valid_audio (inside to_mono and resample) rejects NaN and ±Inf anywhere in the buffer.
    private static void CheckFinite(string path, DecodedAudio audio)
    {
        var samples = audio.Samples;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(samples);
            for (; i < vectors.Length; i++)
            {
                var v = vectors[i];
                // x - x is 0 for finite x, NaN for NaN and ±Inf.
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero)) break;
            }
            i *= Vector<float>.Count;
        }
        for (; i < samples.Length; i++)
        {
            if (float.IsFinite(samples[i])) continue;
            int count = 0;
            foreach (float x in samples[i..]) if (!float.IsFinite(x)) count++;
            float bad = samples[i];
            string what = float.IsNaN(bad) ? "NaN" : bad > 0 ? "+Inf" : "-Inf";
            string where = audio.Channels == 1 ? $"sample {i}" : $"sample {i / audio.Channels} (channel {i % audio.Channels})";
            throw new AudioDecodeException(path, $"audio is not finite: {what} at {where} ({count} non-finite sample{(count == 1 ? "" : "s")} in all)");
        }
    }
}
