using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Genrify.Features.Tables;

/// <summary>
/// CSV form of a <see cref="FeatureTable"/>: invariant culture; values written with "R" (shortest text that
/// parses back to the identical double, so float32-derived values survive exactly); NaN/Infinity as .NET spells them.
/// </summary>
public static class CsvFeatureTable
{
    /// <summary>Writes <paramref name="table"/> as UTF-8 CSV (no BOM).</summary>
    public static void Write(FeatureTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        bool fold = table.HasFold;
        foreach (var c in FeatureTable.KeyColumns) csv.WriteField(c);
        if (fold) csv.WriteField(FeatureTable.FoldColumn);
        foreach (var n in table.FeatureNames) csv.WriteField(n);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            csv.WriteField(row.Id);
            csv.WriteField(row.File);
            csv.WriteField(row.Label);
            csv.WriteField(string.Join(FeatureTable.GenreSeparator, row.Genres));
            csv.WriteField(row.Artist ?? "");
            if (fold) csv.WriteField(row.Fold ?? "");
            foreach (var v in row.Values) csv.WriteField(v.ToString("R", CultureInfo.InvariantCulture), shouldQuote: false);
            csv.NextRecord();
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The header does not start with the key columns, or a value is not a number.</exception>
    public static FeatureTable Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, true, 1 << 16, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) throw new InvalidDataException("empty feature table");
        var header = csv.HeaderRecord;
        var keys = FeatureTable.KeyColumns;
        if (header.Length < keys.Count || !header.Take(keys.Count).SequenceEqual(keys, StringComparer.Ordinal))
            throw new InvalidDataException($"feature table must start with columns {string.Join(",", keys)}");
        bool fold = header.Length > keys.Count && header[keys.Count] == FeatureTable.FoldColumn;
        int first = keys.Count + (fold ? 1 : 0);
        var names = header[first..];
        var rows = new List<FeatureRow>();
        while (csv.Read())
        {
            var values = new double[names.Length];
            for (int i = 0; i < values.Length; i++)
            {
                var text = csv.GetField(first + i);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                    throw new InvalidDataException($"line {csv.Parser.RawRow}: column {names[i]}: '{text}' is not a number");
            }
            var genres = (csv.GetField(3) ?? "").Split(FeatureTable.GenreSeparator, StringSplitOptions.RemoveEmptyEntries);
            if (genres.Length == 0) genres = [csv.GetField(2) ?? ""];
            var artist = csv.GetField(4);
            var foldValue = fold ? csv.GetField(keys.Count) : null;
            rows.Add(new FeatureRow(csv.GetField(0) ?? "", csv.GetField(1) ?? "", genres,
                string.IsNullOrEmpty(artist) ? null : artist, string.IsNullOrEmpty(foldValue) ? null : foldValue, values));
        }
        return new FeatureTable(names, rows);
    }
}
