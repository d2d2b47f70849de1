using Genrify.Tests.Shared;

namespace Genrify.Learning.Tests;

public class GenreTaxonomyTests
{
    [Fact]
    public void Family_lines_nest_to_any_depth_and_genres_not_named_are_their_own_family()
    {
        var taxonomy = GenreTaxonomy.Parse("""
            # the study's families
            classical: baroque, serialism   # two kinds

            baroque: early baroque
            folk: bluegrass
            """);
        Assert.Equal(["classical", "baroque", "early baroque"], taxonomy.Path("early baroque"));
        Assert.Equal("baroque", taxonomy.Parent("early baroque"));
        Assert.Equal("classical", taxonomy.Family("early baroque"));
        Assert.Equal(2, taxonomy.Level("early baroque"));
        Assert.Equal("baroque", taxonomy.AncestorAt("early baroque", 1));
        Assert.Equal("serialism", taxonomy.AncestorAt("serialism", 2));
        Assert.Equal(3, taxonomy.LevelCount);
        Assert.Null(taxonomy.Parent("classical"));
        Assert.Equal(["rap"], taxonomy.Path("rap"));
        Assert.Equal("rap", taxonomy.Family("rap"));
        Assert.Equal(0, taxonomy.Level("rap"));
        Assert.Equal("classical › baroque › early baroque", taxonomy.Label("early baroque"));
        Assert.Equal("folk › bluegrass", taxonomy.Label("bluegrass"));
    }

    [Fact]
    public void A_two_column_csv_gives_the_same_taxonomy_as_family_lines()
    {
        using var temp = new TempFolder();
        var csv = GenreTaxonomy.Load(temp.Write("families.csv", "genre,parent\nbaroque,classical\n\"tropical house\",rap\nserialism,classical\n"));
        var lines = GenreTaxonomy.Load(temp.Write("families.txt", "classical: baroque, serialism\nrap: tropical house\n"));
        Assert.Equal(lines.Parents.OrderBy(p => p.Key, StringComparer.Ordinal), csv.Parents.OrderBy(p => p.Key, StringComparer.Ordinal));
        // Without the .csv extension, lines without a colon are read as CSV rows too, with or without the header.
        var headless = GenreTaxonomy.Load(temp.Write("families", "baroque,classical\nserialism, classical\ntropical house,rap\n"));
        Assert.Equal(lines.Parents.OrderBy(p => p.Key, StringComparer.Ordinal), headless.Parents.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_pair_twice_counts_once_and_a_genre_as_its_own_parent_stays_a_family()
    {
        var taxonomy = GenreTaxonomy.FromPairs([("baroque", "classical"), ("baroque", "classical"), ("rock", "rock"), ("pop", "")]);
        Assert.Single(taxonomy.Parents);
        Assert.Null(taxonomy.Parent("rock"));
        Assert.Null(taxonomy.Parent("pop"));
    }

    [Theory]
    [InlineData("classical: baroque\nrock: baroque\n", "line 2: 'baroque' has two parents, 'classical' (line 1) and 'rock'")]
    [InlineData("a: b\nb: c\nc: a\n", "the parents form a cycle: ")]
    [InlineData("classical: baroque\njust words\n", "line 2: 'just words' has no ':'")]
    [InlineData(": baroque\n", "line 1: no family before ':'")]
    [InlineData("# nothing but a comment\n\n", "the taxonomy names no genre")]
    [InlineData("genre,parent\nbaroque,classical,extra\n", "line 2: 3 fields, a CSV taxonomy has two per line")]
    public void A_bad_file_is_one_message_naming_the_file_the_line_and_the_genres(string content, string reason)
    {
        using var temp = new TempFolder();
        var path = temp.Write("families.txt", content);
        var error = Assert.Throws<InvalidDataException>(() => GenreTaxonomy.Load(path));
        Assert.StartsWith($"{path}: {reason}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_cycle_names_every_genre_on_it()
    {
        var error = Assert.Throws<ArgumentException>(() => GenreTaxonomy.FromPairs([("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]));
        Assert.Contains("a → b → c → a", error.Message);
        Assert.Throws<ArgumentException>(() => GenreTaxonomy.FromPairs([("", "classical")]));
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_named_as_such()
    {
        using var temp = new TempFolder();
        var missing = temp.PathOf("none.txt");
        Assert.Equal($"{missing}: cannot read the taxonomy (no such file)", Assert.Throws<InvalidDataException>(() => GenreTaxonomy.Load(missing)).Message);
        Assert.StartsWith($"{temp.Root}: cannot read the taxonomy (a folder", Assert.Throws<InvalidDataException>(() => GenreTaxonomy.Load(temp.Root)).Message);
    }

    [Fact]
    public void A_column_of_parents_gives_each_rows_genre_its_parent_and_refuses_two_parents_naming_the_column()
    {
        var taxonomy = GenreTaxonomy.FromColumn([("baroque", "classical"), ("rock", null), ("serialism", "classical"), ("classical", "classical")], "parent", "t.csv");
        Assert.Equal("classical", taxonomy.Family("serialism"));
        Assert.Null(taxonomy.Parent("classical"));
        var error = Assert.Throws<ArgumentException>(() => GenreTaxonomy.FromColumn([("baroque", "classical"), ("baroque", "rock")], "family", "t.csv"));
        Assert.StartsWith("t.csv: column 'family': 'baroque' has two parents, 'classical' and 'rock'", error.Message);
    }
}
