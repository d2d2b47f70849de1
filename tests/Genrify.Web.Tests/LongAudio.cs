namespace Genrify.Web.Tests;

/// <summary>Long WAV files made on the spot (a song-length upload without a song-sized fixture in the repository).</summary>
internal static class LongAudio
{
    /// <summary>
    /// A 16-bit mono 22050 Hz WAV of <paramref name="seconds"/> of a chirping tone with a little noise (music-like
    /// enough to go through every stage), written under <paramref name="folder"/>.
    /// </summary>
    public static string Wav(string folder, double seconds)
    {
        const int rate = 22050;
        int samples = (int)(seconds * rate);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"long-{seconds:0}s.wav");
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        var random = new Random(5);
        double phase = 0;
        for (int i = 0; i < samples; i++)
        {
            double t = (double)i / rate;
            phase += 2 * Math.PI * (220 + 110 * Math.Sin(2 * Math.PI * 0.5 * t)) / rate;
            double value = 0.4 * Math.Sin(phase) * (0.6 + 0.4 * Math.Sin(2 * Math.PI * 2 * t)) + 0.02 * (random.NextDouble() - 0.5);
            writer.Write((short)(value * short.MaxValue));
        }
        return path;
    }
}
