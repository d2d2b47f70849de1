namespace Genrify.Dsp.Tests;

/// <summary>
/// The "into an existing buffer" overloads (STFT, |STFT|, HPSS, ISTFT) used by workers that reuse their arrays: on a
/// real clip, with destinations full of leftover values, they must give exactly what the allocating forms give.
/// </summary>
public sealed class DestinationOverloadTests
{
    private static float[] Clip() => LibrosaReference.Audio("clip09_edm_128.wav").AsSpan(0, 220_500).ToArray();

    private static void FillWithGarbage(float[] a)
    {
        var random = new Random(a.Length);
        for (int i = 0; i < a.Length; i++) a[i] = random.NextSingle() * 1000 - 500;
    }

    private static ComplexMatrix Garbage(int rows, int columns)
    {
        var m = new ComplexMatrix(rows, columns);
        FillWithGarbage(m.Real);
        FillWithGarbage(m.Imag);
        return m;
    }

    [Fact]
    public void Stft_magnitude_hpss_and_istft_into_used_buffers_equal_the_allocating_forms()
    {
        var y = Clip();
        var stft = Stft.Compute(y);
        Assert.Equal(stft.Columns, Stft.FrameCount(y));
        var stftInto = Garbage(stft.Rows, stft.Columns);
        Stft.Compute(y, null, stftInto);
        Assert.Equal(stft.Real, stftInto.Real);
        Assert.Equal(stft.Imag, stftInto.Imag);

        var magnitude = stft.Magnitude();
        var magnitudeInto = new Matrix(stft.Rows, stft.Columns);
        FillWithGarbage(magnitudeInto.Data);
        stft.Magnitude(magnitudeInto);
        Assert.Equal(magnitude.Data, magnitudeInto.Data);

        var (harmonic, percussive) = Hpss.Decompose(stft, magnitude);
        var harmonicInto = Garbage(stft.Rows, stft.Columns);
        var percussiveInto = Garbage(stft.Rows, stft.Columns);
        Hpss.Decompose(stft, magnitude, harmonicInto, percussiveInto);
        Assert.Equal(harmonic.Real, harmonicInto.Real);
        Assert.Equal(harmonic.Imag, harmonicInto.Imag);
        Assert.Equal(percussive.Real, percussiveInto.Real);
        Assert.Equal(percussive.Imag, percussiveInto.Imag);

        var options = new IstftOptions { Length = y.Length };
        var waveform = Istft.Compute(harmonic, options);
        Assert.Equal(waveform.Length, Istft.OutputLength(harmonic, options));
        var waveformInto = new float[waveform.Length];
        FillWithGarbage(waveformInto);
        Istft.Compute(harmonic, options, waveformInto);
        Assert.Equal(waveform, waveformInto);
    }

    [Fact]
    public void Hpss_masks_in_the_outputs_equal_the_separate_masks_applied()
    {
        // The outputs' real parts hold the masks before the masked spectra replace them: the result must still be
        // (|D|·M)·D/|D| with the masks of Hpss.Masks.
        var stft = Stft.Compute(Clip());
        var magnitude = stft.Magnitude();
        var (maskH, maskP) = Hpss.Masks(magnitude);
        var (harmonic, percussive) = Hpss.Decompose(stft, magnitude);
        for (int i = 0; i < magnitude.Data.Length; i += 997)
        {
            float m = magnitude.Data[i];
            float zero = m == 0f ? 1f : 0f;
            float phaseRe = stft.Real[i] / (m + zero) + zero, phaseIm = stft.Imag[i] / (m + zero);
            Assert.Equal(m * maskH.Data[i] * phaseRe, harmonic.Real[i]);
            Assert.Equal(m * maskH.Data[i] * phaseIm, harmonic.Imag[i]);
            Assert.Equal(m * maskP.Data[i] * phaseRe, percussive.Real[i]);
            Assert.Equal(m * maskP.Data[i] * phaseIm, percussive.Imag[i]);
        }
    }

    [Fact]
    public void Wrong_destination_shapes_are_refused()
    {
        var y = Clip();
        var stft = Stft.Compute(y);
        Assert.Throws<ArgumentException>(() => Stft.Compute(y, null, new ComplexMatrix(stft.Rows, stft.Columns - 1)));
        Assert.Throws<ArgumentException>(() => stft.Magnitude(new Matrix(stft.Rows - 1, stft.Columns)));
        var magnitude = stft.Magnitude();
        var same = new ComplexMatrix(stft.Rows, stft.Columns);
        Assert.Throws<ArgumentException>(() => Hpss.Decompose(stft, magnitude, same, same));
        Assert.Throws<ArgumentException>(() => Hpss.Decompose(stft, magnitude, same, new ComplexMatrix(stft.Rows, 1)));
        var options = new IstftOptions { Length = y.Length };
        Assert.Throws<ArgumentException>(() => Istft.Compute(stft, options, new float[y.Length + 1]));
    }
}
