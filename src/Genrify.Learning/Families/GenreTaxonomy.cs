using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Genrify.Learning;

/// <summary>
/// Genres nested in families: each genre has at most one parent (baroque and serialism in classical, bluegrass in
/// folk), to any depth. A genre the taxonomy does not name is a family of its own. Built from pairs
/// (<see cref="FromPairs"/>), a small file (<see cref="Load"/>) or a table's column of parents
/// (<see cref="FromColumn"/>); a cycle or a genre with two parents is refused, naming the genres. Genre names are
/// compared exactly (ordinal), as class names are.
/// </summary>
public sealed class GenreTaxonomy
{
    /// <summary>How a genre and its ancestors are joined for people: "classical › baroque".</summary>
    public const string PathSeparator = " › ";

    /// <summary>The column names read as a table's or manifest's parents when none is named.</summary>
    public static IReadOnlyList<string> DefaultColumns { get; } = ["parent", "family"];

    private readonly Dictionary<string, string> _parents;

    private GenreTaxonomy(Dictionary<string, string> parents)
    {
        _parents = parents;
        LevelCount = 1 + parents.Keys.Select(Level).DefaultIfEmpty(0).Max();
    }

    /// <summary>The taxonomy that names no genre: every genre is its own family.</summary>
    public static GenreTaxonomy Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Every genre that has a parent, with it (child → parent), in the order they were given.</summary>
    public IReadOnlyDictionary<string, string> Parents => _parents;

    /// <summary>True when no genre has a parent.</summary>
    public bool IsEmpty => _parents.Count == 0;

    /// <summary>Levels of the deepest genre named: 1 when flat, 2 for families of genres, 3 when those have kinds, …</summary>
    public int LevelCount { get; }

    /// <summary>The genre's parent, or null for a family (a genre with no parent, named or not).</summary>
    public string? Parent(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        return _parents.GetValueOrDefault(genre);
    }

    /// <summary>The genre and its ancestors, the family first and the genre last (["classical", "baroque"]).</summary>
    public IReadOnlyList<string> Path(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        var path = new List<string> { genre };
        // The constructor's callers refuse cycles, so this walk ends.
        for (var parent = Parent(genre); parent is not null; parent = Parent(parent)) path.Add(parent);
        path.Reverse();
        return path;
    }

    /// <summary>The genre's family: its root ancestor, or the genre itself when it has no parent.</summary>
    public string Family(string genre) => Path(genre)[0];

    /// <summary>How deep the genre sits: 0 for a family, 1 for its children, and so on.</summary>
    public int Level(string genre) => Path(genre).Count - 1;

    /// <summary>
    /// The genre's ancestor at <paramref name="level"/> (0: its family), or the genre itself when it sits at that
    /// level or above: two genres share level <paramref name="level"/> when these are equal.
    /// </summary>
    public string AncestorAt(string genre, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        var path = Path(genre);
        return path[Math.Min(level, path.Count - 1)];
    }

    /// <summary>The genre as people say it, family first: "classical › baroque" (the genre alone when it has no parent).</summary>
    public string Label(string genre) => string.Join(PathSeparator, Path(genre));

    /// <summary>
    /// The taxonomy of (genre, parent) pairs. A pair given twice counts once; an empty parent, or a genre named as its
    /// own parent, leaves the genre a family.
    /// </summary>
    /// <exception cref="ArgumentException">A genre is empty, has two parents, or the parents form a cycle; the message names the genres.</exception>
    public static GenreTaxonomy FromPairs(IEnumerable<(string Genre, string Parent)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return Build(pairs.Select(p => new Link(p.Genre, p.Parent, null)));
    }

    /// <summary>
    /// The taxonomy a table's or manifest's column of parents gives: one (genre, parent) per row, where the genre is
    /// the row's first genre and an empty parent (or the genre itself, as a <c>family</c> column may say) leaves it a
    /// family. <paramref name="column"/> and <paramref name="source"/> name where the rows came from in error messages.
    /// </summary>
    /// <exception cref="ArgumentException">Two rows give one genre two parents, or the parents form a cycle.</exception>
    public static GenreTaxonomy FromColumn(IEnumerable<(string Genre, string? Parent)> rows, string column, string source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(column);
        ArgumentException.ThrowIfNullOrEmpty(source);
        try
        {
            return Build(rows.Select(r => new Link(r.Genre, r.Parent, null)));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{source}: column '{column}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a taxonomy file. Either one line per family, the family, a colon and its genres (a genre may be a family
    /// of its own on another line):
    /// <code>
    /// # comments run to the end of the line; blank lines are skipped
    /// classical: baroque, serialism
    /// baroque: early baroque
    /// </code>
    /// or a two-column CSV of <c>genre,parent</c> rows (a file ending in <c>.csv</c>, or whose lines have no colon),
    /// with an optional <c>genre,parent</c> header.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be read, a line is malformed, a genre has two parents
    /// or the parents form a cycle; the message starts with <paramref name="path"/> and names the line and genres.</exception>
    public static GenreTaxonomy Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            if (Directory.Exists(path)) throw new IOException("a folder, not a taxonomy file");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the taxonomy ({(e is FileNotFoundException ? "no such file" : e.Message)})", e);
        }
        try
        {
            return Parse(text, asCsv: path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? true : null);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads the text of a taxonomy file (<see cref="Load"/> describes the formats); <paramref name="asCsv"/> forces
    /// the CSV form (true) or the family-line form (false), null decides by whether the lines have colons.
    /// </summary>
    /// <exception cref="ArgumentException">A line is malformed, a genre has two parents or the parents form a cycle.</exception>
    public static GenreTaxonomy Parse(string text, bool? asCsv = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select((line, i) => (Number: i + 1, Text: WithoutComment(line).Trim())).Where(l => l.Text.Length > 0).ToArray();
        if (lines.Length == 0) throw new ArgumentException("the taxonomy names no genre (write lines such as 'classical: baroque, serialism')");
        bool csv = asCsv ?? lines.All(l => !l.Text.Contains(':'));
        return Build(csv ? CsvLinks(lines) : FamilyLines(lines));
    }

    // One "family: genre, genre" line gives a link per genre.
    private static IEnumerable<Link> FamilyLines((int Number, string Text)[] lines)
    {
        foreach (var (number, text) in lines)
        {
            int colon = text.IndexOf(':');
            if (colon < 0) throw new ArgumentException($"line {number}: '{Shorten(text)}' has no ':' (write 'family: genre, genre')");
            var family = text[..colon].Trim();
            if (family.Length == 0) throw new ArgumentException($"line {number}: no family before ':'");
            foreach (var genre in text[(colon + 1)..].Split(',').Select(g => g.Trim()).Where(g => g.Length > 0))
                yield return new Link(genre, family, $"line {number}");
        }
    }

    // "genre,parent" rows, read with a CSV reader so quoted names may hold commas.
    private static List<Link> CsvLinks((int Number, string Text)[] lines)
    {
        var links = new List<Link>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, TrimOptions = TrimOptions.Trim };
        foreach (var (number, text) in lines)
        {
            string[] fields;
            using (var reader = new CsvReader(new StringReader(text), configuration))
            {
                try { fields = reader.Read() ? reader.Parser.Record ?? [] : []; }
                catch (CsvHelperException) { throw new ArgumentException($"line {number}: '{Shorten(text)}' is not a CSV row"); }
            }
            if (fields.Length == 1)
                throw new ArgumentException($"line {number}: '{Shorten(text)}' is neither 'family: genre, genre' nor a 'genre,parent' row");
            if (fields.Length != 2)
                throw new ArgumentException($"line {number}: {fields.Length} fields, a CSV taxonomy has two per line (genre,parent)");
            if (links.Count == 0 && number == lines[0].Number && IsHeader(fields)) continue;
            links.Add(new Link(fields[0], fields[1], $"line {number}"));
        }
        return links;
    }

    private static bool IsHeader(string[] fields) =>
        fields[0].Equals("genre", StringComparison.OrdinalIgnoreCase) || fields[0].Equals("child", StringComparison.OrdinalIgnoreCase)
            ? fields[1].Equals("parent", StringComparison.OrdinalIgnoreCase) || fields[1].Equals("family", StringComparison.OrdinalIgnoreCase)
            : false;

    private static string WithoutComment(string line) => line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line;

    private static GenreTaxonomy Build(IEnumerable<Link> links)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var where = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var at = link.Where is null ? "" : $"{link.Where}: ";
            var genre = link.Genre?.Trim();
            if (string.IsNullOrEmpty(genre)) throw new ArgumentException($"{at}a genre is empty");
            var parent = link.Parent?.Trim();
            if (string.IsNullOrEmpty(parent) || parent == genre) continue;
            if (parents.TryGetValue(genre, out var earlier))
            {
                if (earlier == parent) continue;
                var first = where[genre] is { } w ? $" ({w})" : "";
                throw new ArgumentException($"{at}'{genre}' has two parents, '{earlier}'{first} and '{parent}'; a genre belongs to one family");
            }
            parents[genre] = parent;
            where[genre] = link.Where;
        }
        foreach (var genre in parents.Keys)
        {
            // Walk up from each genre: coming back to a genre already on the walk is a cycle.
            var walk = new List<string> { genre };
            for (var parent = parents.GetValueOrDefault(genre); parent is not null; parent = parents.GetValueOrDefault(parent))
            {
                int seen = walk.IndexOf(parent);
                if (seen >= 0)
                    throw new ArgumentException($"the parents form a cycle: {string.Join(" → ", walk.Skip(seen).Append(parent))} (each genre's parent after it)");
                walk.Add(parent);
            }
        }
        return new GenreTaxonomy(parents);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private readonly record struct Link(string? Genre, string? Parent, string? Where);
}
