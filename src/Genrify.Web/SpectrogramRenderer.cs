using Genrify.Dsp;
using Genrify.Features.Presets;
using SkiaSharp;

namespace Genrify.Web;

/// <summary>
/// Renders a log-mel spectrogram (librosa's <c>power_to_db(melspectrogram(y), ref=np.max)</c>) as a PNG with the magma
/// colour map librosa's <c>specshow</c> uses: low frequencies at the bottom, time left to right, one pixel row per mel band.
/// </summary>
public static class SpectrogramRenderer
{
    /// <summary>Widest picture; longer clips average neighbouring frames into one column.</summary>
    public const int MaxWidth = 1024;

    /// <summary>dB below the loudest cell that map to black (librosa's default top_db).</summary>
    public const float DbRange = 80f;

    // matplotlib's magma at 0, 1/8, …, 1: enough anchors that linear interpolation is indistinguishable by eye.
    private static readonly byte[,] Magma =
    {
        { 0, 0, 4 }, { 28, 16, 68 }, { 79, 18, 123 }, { 129, 37, 129 }, { 181, 54, 122 },
        { 229, 80, 100 }, { 251, 135, 97 }, { 254, 194, 135 }, { 252, 253, 191 },
    };

    /// <summary>The spectrogram of <paramref name="clip"/> as a picture, from its shared mel spectrogram.</summary>
    public static SpectrogramPicture Render(ClipAnalysis clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var db = Decibels.PowerToDb(clip.MelPower, DbReference.Max, topDb: DbRange);
        int sampleRate = clip.SampleRate;
        return new SpectrogramPicture(Convert.ToBase64String(EncodePng(db, out int width)), width, db.Rows,
            (double)clip.Samples.Length / sampleRate, sampleRate / 2.0, DbRange);
    }

    /// <summary>Encodes a (bands × frames) dB matrix whose maximum is 0 as a PNG; <paramref name="width"/> is the picture's width.</summary>
    public static byte[] EncodePng(Matrix db, out int width)
    {
        ArgumentNullException.ThrowIfNull(db);
        int height = Math.Max(db.Rows, 1), frames = db.Columns;
        width = Math.Clamp(frames, 1, MaxWidth);
        var pixels = new byte[width * height * 4];
        for (int band = 0; band < db.Rows; band++)
        {
            var row = db.Row(band);
            int y = height - 1 - band; // band 0 (lowest frequency) is the bottom row
            for (int x = 0; x < width && frames > 0; x++)
            {
                int from = (int)((long)x * frames / width), to = Math.Max(from + 1, (int)((long)(x + 1) * frames / width));
                float sum = 0;
                for (int f = from; f < to; f++) sum += row[f];
                Colour(1f + sum / (to - from) / DbRange, pixels.AsSpan((y * width + x) * 4, 4));
            }
        }
        for (int i = 3; i < pixels.Length; i += 4) pixels[i] = 255; // opaque, also where there are no frames (black)

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var image = SKImage.FromPixelCopy(info, pixels) ?? throw new InvalidOperationException("SkiaSharp could not wrap the spectrogram pixels");
        using var png = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode the spectrogram as PNG");
        return png.ToArray();
    }

    private static void Colour(float t, Span<byte> rgba)
    {
        t = float.IsFinite(t) ? Math.Clamp(t, 0f, 1f) : 0f;
        float position = t * (Magma.GetLength(0) - 1);
        int i = Math.Min((int)position, Magma.GetLength(0) - 2);
        float w = position - i;
        for (int c = 0; c < 3; c++)
            rgba[c] = (byte)MathF.Round(Magma[i, c] + w * (Magma[i + 1, c] - Magma[i, c]));
    }
}
