using Genrify.Features.Presets;

namespace Genrify.Features.Tests;

/// <summary>
/// A worker's reused buffers must not change a single bit of any vector: every clip-sized array is fully overwritten,
/// whatever the previous clip left in it, and a clip of another length gets arrays of its own shape.
/// </summary>
public class ExtractionBuffersTests
{
    public static TheoryData<string> Presets => new() { "gtzan", "full" };

    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(Presets))]
    public void Reused_buffers_give_the_vectors_of_fresh_ones_across_clips_of_other_lengths(string presetName)
    {
        var preset = PresetRegistry.Default.Get(presetName);
        var edm = PresetReference.Samples("clip09_edm_128.wav");
        var chords = PresetReference.Samples("clip01_chord_tones.wav");
        // Same length as the first clip but other content, and a shorter one (other STFT shape): the order below makes
        // each clip find the previous one's stale values, or buffers of the wrong shape, in every role.
        var sequence = new[] { edm, chords[..edm.Length], chords[..(edm.Length / 3)], edm, chords[..edm.Length] };
        Assert.True(chords.Length >= edm.Length, "the chord clip must be at least as long as the edm clip");

        var buffers = new ExtractionBuffers();
        foreach (var samples in sequence)
        {
            double[] fresh = preset.Extract(samples);
            double[] reused = preset.Extract(samples, buffers);
            Assert.Equal(fresh, reused); // exact: same operations on the same values
        }
    }

    [Fact]
    public void A_role_keeps_its_array_while_the_shape_repeats_and_replaces_it_otherwise()
    {
        var buffers = new ExtractionBuffers();
        var first = buffers.Matrix("m", 3, 4);
        Assert.Same(first, buffers.Matrix("m", 3, 4));
        Assert.NotSame(first, buffers.Matrix("m", 4, 3));
        var complex = buffers.Complex("c", 2, 5);
        Assert.Same(complex, buffers.Complex("c", 2, 5));
        var floats = buffers.Floats("f", 7);
        Assert.Same(floats, buffers.Floats("f", 7));
        Assert.Equal(8, buffers.Floats("f", 8).Length);
    }
}
