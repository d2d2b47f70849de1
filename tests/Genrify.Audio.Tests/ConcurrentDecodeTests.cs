using System.Runtime.InteropServices;
using Genrify.Audio.Native;
using Genrify.Tests.Shared;

namespace Genrify.Audio.Tests;

/// <summary>
/// MP3 decodes on many threads at once: they run side by side, what libmpg123 prints is reported with exactly the file
/// that printed it, the samples are those of a decode alone, and descriptor 2 is the real stderr again afterwards.
/// </summary>
[Collection(DecoderStderrCollection.Name)]
public class ConcurrentDecodeTests
{
    private const int Threads = 8;

    private static readonly string[] CleanMp3s =
    [
        TestData.Audio("asc_frontiers_30s.mp3"),
        TestData.Audio("blues.00099.mp3"),
        TestData.Audio("clip09_edm_128_44k_stereo_192k.mp3"),
    ];

    // libmpg123 prints "Warning: Xing stream size off by more than 1%…" for it (see BadInputTests).
    private static readonly string WarningMp3 = TestData.BadAudio("truncated_10k.mp3");

    // Not MP3: leaves its window as soon as the file is open.
    private static readonly string Flac = TestData.Audio("clip09_edm_128_44k_stereo.flac");

    // The native rate: no resampling, the decode is what is measured.
    private static readonly LoadOptions NativeRate = new() { SampleRate = null };

    [Fact]
    public void Concurrent_decodes_each_report_only_their_own_decoder_text_and_the_samples_of_a_decode_alone()
    {
        string[] files = [.. CleanMp3s, WarningMp3, Flac];
        var alone = files.ToDictionary(f => f, f => AudioLoader.Load(f, NativeRate));
        foreach (var clean in files.Where(f => f != WarningMp3)) Assert.Empty(alone[clean].Warnings);
        Assert.Contains("; decoder said: 'Warning: Xing stream size off by more than 1%", Assert.Single(alone[WarningMp3].Warnings));
        var stderrBefore = LibC.DescriptorStatus(LibC.StandardError);
        Assert.NotNull(stderrBefore);
        long redosBefore = StderrRedirect.ExclusiveWindows;

        // Every thread decodes every file once, each starting at another file, so the warning MP3 is always being
        // decoded beside clean ones.
        var results = new (string File, AudioBuffer Audio)[Threads, files.Length];
        RunTogether(Threads, thread =>
        {
            for (int k = 0; k < files.Length; k++)
            {
                string file = files[(thread + k) % files.Length];
                results[thread, k] = (file, AudioLoader.Load(file, NativeRate));
            }
        });

        foreach (var (file, audio) in results)
        {
            Assert.Equal(alone[file].Warnings, audio.Warnings);
            AssertBitIdentical(alone[file], audio);
        }
        Assert.Equal(stderrBefore, LibC.DescriptorStatus(LibC.StandardError));
        // Each decode of the warning MP3 heard its own text, so each was redone alone at least once.
        Assert.True(StderrRedirect.ExclusiveWindows - redosBefore >= Threads,
            $"{StderrRedirect.ExclusiveWindows - redosBefore} exclusive redos for {Threads} decodes of the warning MP3");
    }

    [Fact]
    public void Clean_mp3s_decode_while_another_mp3_decode_is_in_flight_and_take_no_redo()
    {
        var alone = CleanMp3s.ToDictionary(f => f, f => AudioLoader.Load(f, NativeRate));
        var stderrBefore = LibC.DescriptorStatus(LibC.StandardError);
        long redosBefore = StderrRedirect.ExclusiveWindows;
        StderrRedirect.ResetPeakSharedWindows();

        // The window an MP3 decode holds from sf_open to its last frame, held here on the test thread: under one lock
        // per decode the threads below would wait for it forever (the join's time limit turns that into a failure).
        var results = new (string File, AudioBuffer Audio)[Threads, 2];
        bool overheard;
        var inFlight = NativeStderrCapture.StartShared();
        try
        {
            RunTogether(Threads, thread =>
            {
                for (int k = 0; k < 2; k++)
                {
                    string file = CleanMp3s[(thread + k) % CleanMp3s.Length];
                    results[thread, k] = (file, AudioLoader.Load(file, NativeRate));
                }
            }, whileWaiting: () => inFlight.Stop());
        }
        finally
        {
            inFlight.Stop();
            overheard = inFlight.Overheard;
        }

        Assert.True(StderrRedirect.PeakSharedWindows >= 2, $"at most {StderrRedirect.PeakSharedWindows} MP3 decode(s) at once");
        // Clean MP3s print nothing, so neither they nor the window beside them heard anything to redo.
        Assert.False(overheard);
        Assert.Equal(redosBefore, StderrRedirect.ExclusiveWindows);
        foreach (var (file, audio) in results)
        {
            Assert.Empty(audio.Warnings);
            AssertBitIdentical(alone[file], audio);
        }
        Assert.Equal(stderrBefore, LibC.DescriptorStatus(LibC.StandardError));
    }

    [Fact]
    public void Alone_a_clean_mp3_takes_no_redo_and_a_printing_one_exactly_one()
    {
        long before = StderrRedirect.ExclusiveWindows;
        Assert.Empty(AudioLoader.Load(CleanMp3s[0], NativeRate).Warnings);
        Assert.Equal(before, StderrRedirect.ExclusiveWindows);

        Assert.EndsWith("decoder said: 'Warning: Xing stream size off by more than 1%, fuzzy seeking may be even more fuzzy than by design!'",
            Assert.Single(AudioLoader.Load(WarningMp3, NativeRate).Warnings));
        Assert.Equal(before + 1, StderrRedirect.ExclusiveWindows);
    }

    private static void AssertBitIdentical(AudioBuffer expected, AudioBuffer actual)
    {
        Assert.Equal(expected.SampleRate, actual.SampleRate);
        Assert.Equal(expected.Samples.Length, actual.Samples.Length);
        Assert.True(MemoryMarshal.AsBytes(expected.Samples.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.Samples.AsSpan())));
    }

    // Starts the threads, releases them together from a barrier and rethrows the first failure. Threads still running
    // after half a minute are waiting on something that never comes (a lock): whileWaiting runs to release them, and the
    // test fails instead of hanging.
    private static void RunTogether(int count, Action<int> body, Action? whileWaiting = null)
    {
        using var barrier = new Barrier(count);
        var failures = new Exception?[count];
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        bool finished = threads.All(t => t.Join(TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks))));
        if (!finished)
        {
            whileWaiting?.Invoke();
            threads.ForEach(t => t.Join());
        }
        Assert.True(finished, "the decoding threads were still waiting half a minute after they started");
        if (failures.FirstOrDefault(e => e is not null) is { } failure) throw new AggregateException(failure);
    }
}
