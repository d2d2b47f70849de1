namespace Genrify.Collect.Tests;

public class ManifestRowTests
{
    [Fact]
    public void Rows_with_the_same_fields_and_extra_columns_are_equal_and_others_are_not()
    {
        var a = new ManifestRow("deezer:1", "rock", Artist: "Ann") { Extra = new Dictionary<string, string> { ["fold"] = "1" } };
        var b = new ManifestRow("deezer:1", "rock", Artist: "Ann") { Extra = new Dictionary<string, string> { ["fold"] = "1" } };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Extra = new Dictionary<string, string> { ["fold"] = "2" } });
        Assert.NotEqual(a, b with { Genre = "pop" });
        Assert.Single(new[] { a, b }.Distinct());
    }
}
