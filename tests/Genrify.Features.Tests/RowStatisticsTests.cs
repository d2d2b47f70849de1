using Genrify.Features.Presets;

namespace Genrify.Features.Tests;

/// <summary>RowStatistics' median (a selection, not a sort) against the sorted definition numpy uses.</summary>
public sealed class RowStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(2585)]
    [InlineData(2586)]
    public void Median_equals_the_middle_of_the_sorted_row(int count)
    {
        var random = new Random(count);
        // Few distinct values, so that ties around the middle are exercised too.
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(40) * 0.25f;
        var sorted = values.OrderBy(v => v).ToArray();
        double expected = count % 2 == 1 ? sorted[count / 2] : ((double)sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        var before = values.ToArray();
        Assert.Equal(expected, RowStatistics.MedianOf(values));
        Assert.Equal(before, values); // the row itself is left alone
    }
}
