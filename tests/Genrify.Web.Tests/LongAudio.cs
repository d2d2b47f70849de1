namespace Genrify.Web.Tests;

/// <summary>Long WAV files made on the spot (a song-length upload without a song-sized fixture in the repository).</summary>
internal static class LongAudio
{
    /// <summary>
    /// A mono WAV of <paramref name="seconds"/> of a chirping tone with a little noise (music-like enough to go through
    /// every stage), written under <paramref name="folder"/>: 16-bit at 22050 Hz, or <paramref name="small"/>, 8-bit at
    /// 8 kHz (a fifth of the bytes for the same length: an upload that arrives at once but takes long to analyse).
    /// </summary>
    public static string Wav(string folder, double seconds, bool small = false)
    {
        int rate = small ? 8000 : 22050, bytesPerSample = small ? 1 : 2;
        int samples = (int)(seconds * rate);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"long-{seconds:0}s{(small ? "-8k" : "")}.wav");
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * bytesPerSample);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * bytesPerSample);
        writer.Write((short)bytesPerSample);
        writer.Write((short)(8 * bytesPerSample));
        writer.Write("data"u8);
        writer.Write(samples * bytesPerSample);
        var random = new Random(5);
        double phase = 0;
        for (int i = 0; i < samples; i++)
        {
            double t = (double)i / rate;
            phase += 2 * Math.PI * (220 + 110 * Math.Sin(2 * Math.PI * 0.5 * t)) / rate;
            double value = 0.4 * Math.Sin(phase) * (0.6 + 0.4 * Math.Sin(2 * Math.PI * 2 * t)) + 0.02 * (random.NextDouble() - 0.5);
            if (small) writer.Write((byte)(128 + value * 127)); // 8-bit WAV is unsigned
            else writer.Write((short)(value * short.MaxValue));
        }
        return path;
    }
}
