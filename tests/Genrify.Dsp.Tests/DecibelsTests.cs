namespace Genrify.Dsp.Tests;

public sealed class DecibelsTests
{
    [Fact]
    public void Power_to_db_follows_the_definition()
    {
        var s = new Matrix(1, 5, [1f, 0.1f, 100f, 0f, 1e-12f]);
        var db = Decibels.PowerToDb(s, topDb: null);
        Assert.Equal([0f, -10f, 20f, -100f, -100f], db.Data.Select(v => MathF.Round(v, 4)).ToArray());
        var clipped = Decibels.PowerToDb(s); // top_db 80 below the max (20 dB)
        Assert.Equal(-60f, clipped.Data[3], 4);
        var relMax = Decibels.PowerToDb(s, DbReference.Max);
        Assert.Equal(0f, relMax.Data[2], 5);
        Assert.Equal(-20f, relMax.Data[0], 4);
        Assert.Equal(-80f, relMax.Data[3], 4);
        var ref10 = Decibels.PowerToDb(s, 10f, topDb: null);
        Assert.Equal(-10f, ref10.Data[0], 4);
    }

    [Fact]
    public void Amplitude_to_db_is_twenty_log10()
    {
        var s = new Matrix(1, 3, [1f, -0.1f, 0f]);
        var db = Decibels.AmplitudeToDb(s, topDb: null);
        Assert.Equal(0f, db.Data[0], 4);
        Assert.Equal(-20f, db.Data[1], 4);
        Assert.Equal(-100f, db.Data[2], 3); // amin 1e-5 → 1e-10 power
        var relMax = Decibels.AmplitudeToDb(new Matrix(1, 2, [2f, 1f]), DbReference.Max);
        Assert.Equal(-6.0206f, relMax.Data[1], 3);
    }

    [Fact]
    public void Bad_parameters_throw()
    {
        var s = new Matrix(1, 2, [1f, 2f]);
        Assert.Throws<ArgumentException>(() => Decibels.PowerToDb(s, amin: 0f));
        Assert.Throws<ArgumentException>(() => Decibels.PowerToDb(s, topDb: -1f));
    }
}
