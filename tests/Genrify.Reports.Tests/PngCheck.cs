using SkiaSharp;

namespace Genrify.Reports.Tests;

/// <summary>Decodes a written PNG and looks at its pixels: size, how many colours, whether a genre's colour is there.</summary>
internal sealed class PngCheck
{
    private readonly HashSet<uint> _colours = [];

    public PngCheck(string path)
    {
        Assert.True(File.Exists(path), path);
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Width = bitmap.Width;
        Height = bitmap.Height;
        foreach (var p in bitmap.Pixels) _colours.Add((uint)p.Red << 16 | (uint)p.Green << 8 | p.Blue);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path) + ".tmp-*"));
    }

    public int Width { get; }

    public int Height { get; }

    public int DistinctColours => _colours.Count;

    /// <summary>
    /// Whether some pixel is <paramref name="hex"/> drawn at <paramref name="alpha"/> over white, within 3 levels a
    /// channel (Skia's blending rounds).
    /// </summary>
    public bool Has(string hex, double alpha = 1)
    {
        uint rgb = Convert.ToUInt32(hex.TrimStart('#'), 16);
        int Blend(uint channel) => (int)Math.Round(channel * alpha + 255 * (1 - alpha));
        int r = Blend(rgb >> 16 & 0xFF), g = Blend(rgb >> 8 & 0xFF), b = Blend(rgb & 0xFF);
        foreach (var c in _colours)
            if (Math.Abs((int)(c >> 16 & 0xFF) - r) <= 3 && Math.Abs((int)(c >> 8 & 0xFF) - g) <= 3 && Math.Abs((int)(c & 0xFF) - b) <= 3)
                return true;
        return false;
    }
}
