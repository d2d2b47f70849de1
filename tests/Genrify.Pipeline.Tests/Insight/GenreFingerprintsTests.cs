using System.Buffers.Binary;
using Genrify.Features.Collections;
using Genrify.Features.Extraction;
using Genrify.Pipeline.Insight;
using Genrify.Tests.Shared;

namespace Genrify.Pipeline.Tests.Insight;

public class GenreFingerprintsTests
{
    [Fact]
    public void Each_genre_peaks_in_the_band_of_its_tone_and_counts_its_clips()
    {
        using var folder = new TempFolder();
        WriteSine(folder.PathOf("low/a.wav"), 110, 0.5);
        WriteSine(folder.PathOf("low/b.wav"), 120, 0.25);
        WriteSine(folder.PathOf("high/a.wav"), 4000, 0.5);

        var prints = GenreFingerprints.Compute(TrackCollection.Open(folder.Root), jobs: 1, cacheDirectory: "");

        Assert.Equal(["high", "low"], prints.Genres);
        Assert.Equal([1, 2], prints.ClipCounts);
        Assert.Empty(prints.Skipped);
        double PeakHz(int genre) => prints.BandCentresHz[Array.IndexOf(prints.MeanDb[genre], prints.MeanDb[genre].Max())];
        Assert.InRange(PeakHz(1), 80, 160);
        Assert.InRange(PeakHz(0), 3500, 4600);
        Assert.All(prints.MeanDb, genre => Assert.All(genre, v => Assert.True(double.IsFinite(v))));
        Assert.Equal(MelProfileExtractor.Instance.Bands, prints.BandCentresHz.Length);
    }

    [Fact]
    public void A_collection_without_a_usable_clip_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        folder.Write("rock/broken.wav", "not audio at all");
        var e = Assert.Throws<InvalidDataException>(() => GenreFingerprints.Compute(TrackCollection.Open(folder.Root), jobs: 1, cacheDirectory: ""));
        Assert.Contains(folder.Root, e.Message);
    }

    private static void WriteSine(string path, double hz, double amplitude, int sampleRate = 22050, double seconds = 3)
    {
        int n = (int)(sampleRate * seconds);
        var bytes = new byte[44 + 2 * n];
        var s = bytes.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], (uint)(36 + 2 * n));
        "WAVEfmt "u8.CopyTo(s[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s[34..], 16);
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[40..], (uint)(2 * n));
        for (int i = 0; i < n; i++)
            BinaryPrimitives.WriteInt16LittleEndian(s[(44 + 2 * i)..], (short)(32767 * amplitude * Math.Sin(2 * Math.PI * hz * i / sampleRate)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
