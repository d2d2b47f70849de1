namespace Genrify.Deep.Experiments;

/// <summary>One row of a dataset manifest (id, genre, artist, location, fold).</summary>
internal sealed record ManifestRow(string Id, string Genre, string Artist, string Location, int Fold)
{
    /// <summary>Reads manifest.csv (RFC 4180 quoting).</summary>
    public static List<ManifestRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"no {name} column");
        int id = Col("id"), genre = Col("genre"), artist = Col("artist"), location = Col("location"), fold = Col("fold");
        return lines.Skip(1).Where(l => l.Length > 0).Select(Split)
            .Select(f => new ManifestRow(f[id], f[genre], f[artist], f[location], int.Parse(f[fold]))).ToList();
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
