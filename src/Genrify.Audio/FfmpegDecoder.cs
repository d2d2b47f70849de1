using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Genrify.Audio;

/// <summary>Sample format ffmpeg is asked to write (see <see cref="FfmpegDecoder"/>).</summary>
public enum FfmpegSampleFormat
{
    /// <summary>16-bit integers divided by 32768: what librosa's audioread fallback gets (<c>-f s16le</c>).</summary>
    Int16,
    /// <summary>32-bit float, ffmpeg's decoder output without requantisation.</summary>
    Float32,
}

/// <summary>
/// Decodes what libsndfile cannot (MP4/AAC, WMA, …) with the ffmpeg command-line tool, as librosa's audioread fallback does.
/// Runs ffmpeg as a child process (argument list, no shell) writing a WAV stream to stdout, read as it arrives: only the
/// frames wanted are kept, and ffmpeg is stopped once they are in, so a file of any length costs the window's memory.
/// stderr is kept (its first 64 KB) for the reason of a failure.
/// </summary>
public static class FfmpegDecoder
{
    private const int StderrKeptChars = 64 * 1024;
    private const int BlockFrames = 1 << 16;

    /// <summary>
    /// Decodes the frames <paramref name="options"/> asks for (<see cref="LoadOptions.Offset"/>, <see cref="LoadOptions.Duration"/>,
    /// <see cref="LoadOptions.MaxDuration"/>, audioread's slicing: <c>[int(sr·offset), +int(sr·duration))</c> frames);
    /// what ffmpeg reported on stderr although it succeeded (corrupt packets it skipped, …) becomes warnings.
    /// </summary>
    /// <exception cref="AudioDecodeException">ffmpeg is missing, fails, times out or writes no audio.</exception>
    /// <exception cref="OperationCanceledException"><see cref="LoadOptions.Cancel"/> fired (ffmpeg is killed).</exception>
    internal static DecodedAudio Decode(string path, LoadOptions options)
    {
        var start = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-vn", "-sn", "-dn",
                     "-map_metadata", "-1", "-bitexact", "-f", "wav", "-c:a", options.FfmpegFormat == FfmpegSampleFormat.Int16 ? "pcm_s16le" : "pcm_f32le", "-" })
            start.ArgumentList.Add(argument);

        options.Cancel.ThrowIfCancellationRequested();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AudioDecodeException(path, $"could not start ffmpeg ('{options.FfmpegPath}')");
        }
        catch (Win32Exception e)
        {
            throw new AudioDecodeException(path, $"ffmpeg is not available ('{options.FfmpegPath}': {e.Message})", e);
        }

        using (process)
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancel))
        {
            stop.CancelAfter(options.FfmpegTimeout);
            // A timeout or a cancellation kills ffmpeg, which ends its output: the reading below then stops.
            using var kill = stop.Token.Register(() => Kill(process));
            process.StandardInput.Close();
            var stderr = ReadCapped(process.StandardError);
            try
            {
                var audio = ReadWav(path, process.StandardOutput.BaseStream, options, out bool stoppedEarly);
                if (stoppedEarly) Kill(process);
                process.WaitForExit();
                ThrowIfStopped(path, options, stop);
                string errors = stderr.Result;
                if (!stoppedEarly && process.ExitCode != 0)
                    throw new AudioDecodeException(path, $"ffmpeg cannot decode it: {LastLine(errors, path)}");
                audio.Warnings.AddRange(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => $"{path}: ffmpeg reported '{line.Replace(path, "FILE")}'").Take(5));
                return audio;
            }
            catch (FormatException e)
            {
                process.WaitForExit();
                ThrowIfStopped(path, options, stop);
                if (process.ExitCode != 0)
                    throw new AudioDecodeException(path, $"ffmpeg cannot decode it: {LastLine(stderr.Result, path)}");
                throw new AudioDecodeException(path, $"ffmpeg wrote no usable audio ({e.Message})", e);
            }
            finally
            {
                Kill(process);
            }
        }
    }

    // Skips the offset, keeps the frames wanted, and says whether audio was left unread (ffmpeg still writing).
    private static DecodedAudio ReadWav(string path, Stream stdout, LoadOptions options, out bool stoppedEarly)
    {
        var wav = PcmWavParser.Open(stdout);
        int channels = wav.Channels, rate = wav.SampleRate;
        var warnings = new List<string>();
        var block = new float[BlockFrames * channels];

        long skip = (long)(rate * options.Offset), skipped = 0;
        while (skipped < skip)
        {
            options.Cancel.ThrowIfCancellationRequested();
            int got = wav.ReadFrames(block.AsSpan(0, (int)Math.Min(BlockFrames, skip - skipped) * channels));
            if (got == 0) break;
            skipped += got;
        }
        if (skipped < skip)
        {
            warnings.Add($"{path}: offset {options.Offset} s (frame {skip}) is past the end ({skipped} frames): no audio read");
            stoppedEarly = false;
            return new DecodedAudio([], 0, channels, rate, "ffmpeg", warnings);
        }

        long wanted = options.FramesWanted(rate, out bool capped);
        long maxFrames = Array.MaxLength / channels;
        var samples = new float[(int)Math.Min(Math.Min(wanted, BlockFrames), maxFrames) * channels];
        long read = 0;
        while (read < wanted)
        {
            options.Cancel.ThrowIfCancellationRequested();
            if (read * channels == samples.Length)
            {
                if (read >= maxFrames)
                    throw new AudioDecodeException(path, $"audio too long (more than {maxFrames} frames of {channels} channels)");
                Array.Resize(ref samples, (int)Math.Min(Math.Min(wanted, maxFrames), 2 * read) * channels);
            }
            int room = (int)Math.Min(samples.Length / channels - read, BlockFrames);
            int got = wav.ReadFrames(samples.AsSpan((int)(read * channels), room * channels));
            if (got == 0) break;
            read += got;
        }
        // Whether anything follows the window: one more frame tells.
        stoppedEarly = read == wanted && wav.ReadFrames(block.AsSpan(0, channels)) > 0;
        if (stoppedEarly && capped)
            warnings.Add(options.CapWarning(path, read, null, rate));
        return new DecodedAudio(samples, (int)read, channels, rate, "ffmpeg", warnings);
    }

    private static void ThrowIfStopped(string path, LoadOptions options, CancellationTokenSource stop)
    {
        options.Cancel.ThrowIfCancellationRequested();
        if (stop.IsCancellationRequested)
            throw new AudioDecodeException(path, $"ffmpeg did not finish within {options.FfmpegTimeout.TotalSeconds:0} s");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    // ffmpeg can print a line per corrupt packet for hours of audio: keep the start, drain the rest so it never blocks.
    private static async Task<string> ReadCapped(StreamReader stderr)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int got;
        while ((got = await stderr.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            if (kept.Length < StderrKeptChars) kept.Append(buffer, 0, Math.Min(got, StderrKeptChars - kept.Length));
        return kept.ToString();
    }

    // ffmpeg's last stderr line, with the path removed (the exception message names the file already), on one line.
    private static string LastLine(string stderr, string path)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error message";
        line = line.Replace(path + ": ", "").Replace(path, "FILE");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
