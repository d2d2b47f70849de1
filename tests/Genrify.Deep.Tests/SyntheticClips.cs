using Genrify.Deep;
using Genrify.Dsp;

namespace Genrify.Deep.Tests;

/// <summary>
/// Small synthetic "log-mel" clips whose class is audible in the spectrum: class c puts a loud band in
/// region c of the mel axis (plus noise and a per-clip level), so a working CNN must learn them and a broken one cannot.
/// </summary>
internal static class SyntheticClips
{
    public const int Mels = 16;
    public static readonly LogMelSettings Settings = LogMelSettings.Default with { NMels = Mels };

    public static Matrix Clip(int label, int classes, int frames, Random rng)
    {
        var m = new Matrix(Mels, frames);
        int bandWidth = Mels / classes;
        float level = (float)(rng.NextDouble() * 10 - 40);
        for (int b = 0; b < Mels; b++)
            for (int t = 0; t < frames; t++)
            {
                bool loud = b / bandWidth == label && (t / 3) % 2 == 0;
                m[b, t] = level + (float)(rng.NextDouble() * 6) + (loud ? 25f : 0f);
            }
        return m;
    }

    public static List<CnnExample> Set(int perClass, int classes, int seed, int frames = 60)
    {
        var rng = new Random(seed);
        var list = new List<CnnExample>();
        for (int i = 0; i < perClass; i++)
            for (int c = 0; c < classes; c++)
                list.Add(new CnnExample(Clip(c, classes, frames + rng.Next(20), rng), c, $"artist{(i * classes + c) % 7}"));
        return list;
    }

    public static CnnTrainerOptions TinyOptions(int epochs = 6) => new()
    {
        Architecture = CnnArchitecture.Tiny,
        Epochs = epochs,
        Patience = epochs,
        BatchSize = 8,
        LearningRate = 0.01,
        WindowSeconds = 0.5, // 22 frames at 22050 Hz / hop 512
        CropsPerClip = 2,
        Seed = 7,
        Threads = 1,
        LogMel = Settings,
    };
}
