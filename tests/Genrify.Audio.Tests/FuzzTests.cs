using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TestData = Genrify.Tests.Shared.TestData;

namespace Genrify.Audio.Tests;

/// <summary>
/// Property tests over random and mutated bytes: the header sniffer and the ffmpeg WAV parser are total, and loading any
/// file ends (within a time limit) in audio or an <see cref="AudioDecodeException"/> with a one-line message, never another
/// exception or a crash.
/// </summary>
public class FuzzTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly string[] Extensions = [".wav", ".mp3", ".flac", ".ogg", ".opus", ".m4a", ".bin", ""];

    // Real headers to mutate: a small WAV and the first bytes of each fixture format.
    private static readonly byte[][] Seeds =
    [
        WavBytes.Pcm16(WavBytes.Ramp(400)),
        WavBytes.Pcm16(WavBytes.Ramp(400), channels: 2, sampleRate: 44100),
        Head("clip09_edm_128_44k_stereo_192k.mp3", 6000),
        Head("blues.00099.mp3", 3000),
        Head("clip09_edm_128_44k_stereo.flac", 6000),
        Head("clip09_edm_128_44k_stereo.ogg", 8000),
        Head("wz2100_track1_30s.opus", 8000),
        Head("clip09_edm_128_f32.wav", 3000),
        Head("clip09_edm_128_5s_aac.m4a", 4000),
    ];

    private static byte[] Head(string clip, int bytes)
    {
        using var stream = File.OpenRead(TestData.Audio(clip));
        var head = new byte[Math.Min(bytes, (int)stream.Length)];
        stream.ReadExactly(head);
        return head;
    }

    [Property(MaxTest = 2000)]
    public void Sniffer_is_total(byte[] bytes)
    {
        var container = FormatSniffer.Detect(bytes);
        Assert.True(Enum.IsDefined(container));
        Assert.False(string.IsNullOrEmpty(FormatSniffer.Describe(container)));
    }

    [Property(MaxTest = 500)]
    public void Sniffer_recognises_magic_whatever_follows(byte[] tail)
    {
        Assert.Equal(AudioContainer.Ogg, FormatSniffer.Detect([.. "OggS"u8, .. tail]));
        Assert.Equal(AudioContainer.Flac, FormatSniffer.Detect([.. "fLaC"u8, .. tail]));
    }

    [Property(MaxTest = 2000)]
    public void Ffmpeg_wav_parser_returns_whole_frames_or_a_format_error(byte[] noise, int[] positions, byte[] values)
    {
        foreach (var bytes in new[] { noise, Mutate(Seeds[(positions.Length + values.Length) % 2], positions, values) })
        {
            try
            {
                var pcm = PcmWavParser.Parse(bytes);
                Assert.True(pcm.Channels > 0 && pcm.SampleRate > 0);
                Assert.Equal(pcm.Frames * pcm.Channels, pcm.Interleaved.Length);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Property(MaxTest = 150)]
    public void Random_bytes_load_or_fail_with_a_reason(byte[] bytes, PositiveInt extension)
    {
        LoadsOrFailsCleanly(bytes, Extensions[extension.Get % Extensions.Length], ffmpeg: false);
    }

    [Property(MaxTest = 300)]
    public void Mutated_real_headers_load_or_fail_with_a_reason(NonNegativeInt seed, int[] positions, byte[] values, NonNegativeInt cut)
    {
        var original = Seeds[seed.Get % Seeds.Length];
        var bytes = Mutate(original, positions, values);
        if (cut.Get % 3 == 0) bytes = bytes[..(cut.Get % bytes.Length)];
        LoadsOrFailsCleanly(bytes, Extensions[seed.Get % Extensions.Length], ffmpeg: false);
    }

    [Trait("Category", "Slow")]
    [Property(MaxTest = 12)]
    public void Mutated_files_through_the_ffmpeg_fallback_load_or_fail_with_a_reason(NonNegativeInt seed, int[] positions, byte[] values)
    {
        var bytes = Mutate(Seeds[Seeds.Length - 1 - seed.Get % 3], positions, values);
        LoadsOrFailsCleanly(bytes, ".m4a", ffmpeg: true);
    }

    private static byte[] Mutate(byte[] original, int[] positions, byte[] values)
    {
        var bytes = (byte[])original.Clone();
        for (int i = 0; i < Math.Min(positions.Length, values.Length); i++)
        {
            // Bias mutations towards the header, where parsers decide.
            int span = i % 2 == 0 ? Math.Min(64, bytes.Length) : bytes.Length;
            bytes[(int)((uint)positions[i] % (uint)span)] = values[i];
        }
        return bytes;
    }

    private static void LoadsOrFailsCleanly(byte[] bytes, string extension, bool ffmpeg)
    {
        using var file = new TempFile(bytes, extension);
        var load = Task.Run(() =>
        {
            try
            {
                var audio = AudioLoader.Load(file.Path, new LoadOptions { FfmpegFallback = ffmpeg, FfmpegTimeout = Limit });
                Assert.Equal(22050, audio.SampleRate);
                Assert.All(audio.Warnings, w => Assert.StartsWith(file.Path, w));
                foreach (float x in audio.Samples) Assert.True(float.IsFinite(x));
            }
            catch (AudioDecodeException e)
            {
                Assert.Equal(file.Path, e.FilePath);
                Assert.DoesNotContain('\n', e.Message);
            }
        });
        Assert.True(load.Wait(Limit + Limit), $"loading {bytes.Length} bytes ({extension}) did not finish");
    }
}
