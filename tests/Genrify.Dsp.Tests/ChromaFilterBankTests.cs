namespace Genrify.Dsp.Tests;

public sealed class ChromaFilterBankTests
{
    [Fact]
    public void Shape_caching_and_base_c_rotation()
    {
        var bank = ChromaFilterBank.Create(22050, 2048);
        Assert.Equal(12, bank.Rows);
        Assert.Equal(1025, bank.Columns);
        Assert.Same(bank, ChromaFilterBank.Create(22050, 2048, 12, 0.0));
        var fromA = ChromaFilterBank.Create(22050, 2048, baseC: false);
        for (int k = 0; k < 1025; k += 7)
            for (int c = 0; c < 12; c++) Assert.Equal(fromA[(c + 3) % 12, k], bank[c, k]);
    }

    [Fact]
    public void Bin_at_a440_belongs_to_a()
    {
        // n_fft 16384 puts a bin within 0.7 Hz of 440: its strongest chroma is A (index 9 from C).
        int n = 16384;
        var bank = ChromaFilterBank.Create(22050, n);
        int k = (int)Math.Round(440.0 * n / 22050);
        int best = Enumerable.Range(0, 12).MaxBy(c => bank[c, k]);
        Assert.Equal(9, best);
        // Tuning +0.5 raises the grid half a semitone: 440 Hz now sits between G# (8) and A (9).
        var tuned = ChromaFilterBank.Create(22050, n, tuning: 0.5);
        var order = Enumerable.Range(0, 12).OrderByDescending(c => tuned[c, k]).ToArray();
        Assert.Equal(new[] { 8, 9 }, order.Take(2).Order().ToArray());
        Assert.True(Math.Abs(tuned[8, k] - tuned[9, k]) < 0.02f);
    }

    [Fact]
    public void Columns_are_unit_l2_before_the_octave_weighting()
    {
        var bank = ChromaFilterBank.Create(22050, 2048, octaveWidth: null);
        for (int k = 1; k < 1025; k++)
        {
            double ss = 0;
            for (int c = 0; c < 12; c++) ss += bank[c, k] * (double)bank[c, k];
            Assert.Equal(1.0, ss, 5);
        }
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        Assert.Throws<ArgumentException>(() => ChromaFilterBank.Create(0, 2048));
        Assert.Throws<ArgumentException>(() => ChromaFilterBank.Create(22050, 1));
        Assert.Throws<ArgumentException>(() => ChromaFilterBank.Create(22050, 2048, nChroma: 0));
        Assert.Throws<ArgumentException>(() => ChromaFilterBank.Create(22050, 2048, norm: -1));
    }
}
