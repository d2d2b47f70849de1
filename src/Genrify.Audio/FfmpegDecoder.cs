using System.ComponentModel;
using System.Diagnostics;

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
/// Runs ffmpeg as a child process (argument list, no shell) writing a WAV stream to stdout; stderr is captured for the reason
/// of a failure.
/// </summary>
public static class FfmpegDecoder
{
    /// <summary>
    /// Decodes <paramref name="path"/> to interleaved float32 frames; <paramref name="diagnostics"/> receives what ffmpeg
    /// reported on stderr although it succeeded (corrupt packets it skipped, …).
    /// </summary>
    /// <exception cref="AudioDecodeException">ffmpeg is missing, fails, times out or writes no audio.</exception>
    internal static PcmWavParser.Pcm Decode(out string[] diagnostics, string path, string ffmpegPath, FfmpegSampleFormat format, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-vn", "-sn", "-dn",
                     "-map_metadata", "-1", "-bitexact", "-f", "wav", "-c:a", format == FfmpegSampleFormat.Int16 ? "pcm_s16le" : "pcm_f32le", "-" })
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AudioDecodeException(path, $"could not start ffmpeg ('{ffmpegPath}')");
        }
        catch (Win32Exception e)
        {
            throw new AudioDecodeException(path, $"ffmpeg is not available ('{ffmpegPath}': {e.Message})", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            if (!copy.Wait(timeout) || !process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new AudioDecodeException(path, $"ffmpeg did not finish within {timeout.TotalSeconds:0} s");
            }
            process.WaitForExit();
            string errors = stderr.Result;
            if (process.ExitCode != 0)
                throw new AudioDecodeException(path, $"ffmpeg cannot decode it: {LastLine(errors, path)}");
            try
            {
                var pcm = PcmWavParser.Parse(stdout.GetBuffer().AsSpan(0, (int)stdout.Length));
                diagnostics = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.Replace(path, "FILE")).Take(5).ToArray();
                return pcm;
            }
            catch (FormatException e)
            {
                throw new AudioDecodeException(path, $"ffmpeg wrote no usable audio ({e.Message})", e);
            }
        }
    }

    // ffmpeg's last stderr line, with the path removed (the exception message names the file already), on one line.
    private static string LastLine(string stderr, string path)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error message";
        line = line.Replace(path + ": ", "").Replace(path, "FILE");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
