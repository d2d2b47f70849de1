namespace Genrify.Explore.Tests;

public class ColumnScalingTests
{
    [Fact]
    public void Matches_scikit_learns_standard_scaler_on_emotify()
    {
        var expected = ExploreFixtures.Vector(ExploreFixtures.Emotify.GetProperty("standardised_row0"));
        var row0 = ColumnScaling.Standardise(ExploreFixtures.EmotifyRows)[0];
        for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], row0[j], 1e-9);
    }

    [Fact]
    public void Constant_columns_become_zero_and_others_have_unit_spread()
    {
        double[][] rows = [[1, 7, 1e9], [2, 7, 1e9], [6, 7, 1e9]];
        var z = ColumnScaling.Standardise(rows);
        Assert.All(z, r => { Assert.Equal(0.0, r[1]); Assert.Equal(0.0, r[2]); });
        Assert.Equal(0.0, z.Sum(r => r[0]), 1e-12);
        Assert.Equal(3.0, z.Sum(r => r[0] * r[0]), 1e-12);
        Assert.Equal(1.0, rows[0][0]);   // the input is left as it was
    }

    [Fact]
    public void Bad_rows_are_refused_with_the_reason()
    {
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => ColumnScaling.Standardise([[1.0], [double.NaN]])).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => ColumnScaling.Standardise([[1.0], [1.0, 2.0]])).Message);
        Assert.Throws<ArgumentException>(() => ColumnScaling.Standardise([]));
    }
}
