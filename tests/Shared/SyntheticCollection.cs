using System.Buffers.Binary;

namespace Genrify.Tests.Shared;

/// <summary>A folder per genre of small synthetic WAV clips (a tone and a little noise each, all different), and a few
/// undecodable files, for jobs of a few hundred songs.</summary>
internal static class SyntheticCollection
{
    public const int SampleRate = 22050;
    public static readonly string[] Genres = ["drone", "hum", "whistle"];

    /// <summary>Writes <paramref name="clips"/> clips of <paramref name="seconds"/> s under <paramref name="root"/>, plus
    /// <paramref name="bad"/> files that are not audio; returns the root.</summary>
    public static string Write(string root, int clips, double seconds, int bad = 2)
    {
        var random = new Random(20261205);
        for (int i = 0; i < clips; i++)
        {
            var genre = Genres[i % Genres.Length];
            double frequency = 110 * (1 + i % Genres.Length) + i * 0.37;
            var samples = new short[(int)(seconds * SampleRate)];
            for (int n = 0; n < samples.Length; n++)
                samples[n] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * n / SampleRate) + 600 * (random.NextDouble() - 0.5));
            WriteWav(Path.Combine(root, genre, $"clip{i:D4}.wav"), samples);
        }
        for (int b = 0; b < bad; b++)
        {
            var path = Path.Combine(root, Genres[b % Genres.Length], $"broken{b}.wav");
            File.WriteAllText(path, "this is not a wave file");
        }
        return root;
    }

    private static void WriteWav(string path, short[] samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[44 + samples.Length * 2];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples.Length * 2);
        for (int n = 0; n < samples.Length; n++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + 2 * n), samples[n]);
        File.WriteAllBytes(path, bytes);
    }
}
