namespace Genrify.Dsp.Tests;

public sealed class MedianFilterTests
{
    /// <summary>Direct definition: sort the reflected window and take element size/2.</summary>
    private static float[] BruteForce(float[] x, int size)
    {
        int n = x.Length, left = size / 2;
        var y = new float[n];
        var window = new float[size];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < size; j++)
            {
                int idx = i - left + j;
                // Half-sample symmetric reflection, repeated with period 2n.
                int m = ((idx % (2 * n)) + 2 * n) % (2 * n);
                window[j] = x[m < n ? m : 2 * n - 1 - m];
            }
            Array.Sort(window);
            y[i] = window[size / 2];
        }
        return y;
    }

    [Fact]
    public void Hand_checked_reflect_example()
    {
        // ext = [1 | 1 5 2 8 3 | 3]: medians of 3 are 1, 2, 5, 3, 3.
        var y = new float[5];
        MedianFilter.Filter([1, 5, 2, 8, 3], 3, y);
        Assert.Equal(new float[] { 1, 2, 5, 3, 3 }, y);
    }

    [Theory]
    [InlineData(1000, 31)]
    [InlineData(1000, 30)]   // even size: the upper median, window offset like scipy
    [InlineData(7, 31)]      // window longer than the signal: reflections repeat
    [InlineData(1, 5)]
    [InlineData(64, 1)]
    [InlineData(700, 201)]  // long window: the sorted-window path
    public void Matches_brute_force_on_random_data_with_ties(int n, int size)
    {
        var rng = new Random(n * 31 + size);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rng.Next(4) == 0 ? 0f : MathF.Round((float)rng.NextDouble() * 20f) / 4f;
        var y = new float[n];
        MedianFilter.Filter(x, size, y);
        Assert.Equal(BruteForce(x, size), y);
    }

    [Fact]
    public void Row_and_column_filters_agree_with_the_line_filter()
    {
        var rng = new Random(5);
        var m = new Matrix(37, 53);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = (float)rng.NextDouble();
        var rows = MedianFilter.AlongRows(m, 9);
        var cols = MedianFilter.AlongColumns(m, 9);
        for (int r = 0; r < m.Rows; r++) Assert.Equal(BruteForce(m.Row(r).ToArray(), 9), rows.Row(r).ToArray());
        for (int c = 0; c < m.Columns; c++)
        {
            float[] expected = BruteForce(m.Column(c), 9);
            Assert.Equal(expected, cols.Column(c));
        }
    }

    [Theory]
    [InlineData(40, 1300, 31)]  // HPSS's kernel on a spectrogram-like shape: eight-lane blocks plus a leftover
    [InlineData(21, 19, 31)]    // lines shorter than the window: reflections repeat
    [InlineData(17, 33, 30)]    // even size
    [InlineData(9, 11, 2)]
    public void Row_and_column_filters_match_brute_force_with_ties(int rows, int columns, int size)
    {
        var rng = new Random(rows * 1000 + columns + size);
        var m = new Matrix(rows, columns);
        // Few distinct values, many zeros: every window is full of ties.
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = rng.Next(3) == 0 ? 0f : rng.Next(-6, 7) / 2f;
        var byRows = MedianFilter.AlongRows(m, size);
        var byColumns = MedianFilter.AlongColumns(m, size);
        for (int r = 0; r < rows; r++) Assert.Equal(BruteForce(m.Row(r).ToArray(), size), byRows.Row(r).ToArray());
        for (int c = 0; c < columns; c++) Assert.Equal(BruteForce(m.Column(c), size), byColumns.Column(c));
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        Assert.Throws<ArgumentException>(() => MedianFilter.Filter([1f, 2f], 0, new float[2]));
        Assert.Throws<ArgumentException>(() => MedianFilter.Filter([1f, 2f], 3, new float[3]));
        Assert.Throws<ArgumentException>(() => MedianFilter.AlongRows(new Matrix(2, 3), 3, new Matrix(3, 2)));
    }
}
