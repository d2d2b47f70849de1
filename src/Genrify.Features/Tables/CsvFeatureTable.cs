using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Genrify.Shared;

namespace Genrify.Features.Tables;

/// <summary>
/// CSV form of a <see cref="FeatureTable"/>: invariant culture; values written with "R" (shortest text that
/// parses back to the identical double, so float32-derived values survive exactly); NaN/Infinity as .NET spells them.
/// Text cells that a spreadsheet would run as a formula (a song file named "=cmd|calc.mp3") are written with a
/// leading single quote and read back exactly (<see cref="SpreadsheetText"/>); numbers are written as they are.
/// </summary>
public static class CsvFeatureTable
{
    /// <summary>Writes <paramref name="table"/> as UTF-8 CSV (no BOM).</summary>
    public static void Write(FeatureTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // With NewLine set, CsvHelper quotes only fields holding "\n"; a bare CR would end the row for most readers.
        config.ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field?.Contains('\r') == true;
        using var csv = new CsvWriter(writer, config);
        bool fold = table.HasFold;
        foreach (var c in FeatureTable.KeyColumns) csv.WriteField(c);
        if (fold) csv.WriteField(FeatureTable.FoldColumn);
        foreach (var n in table.FeatureNames) csv.WriteField(SpreadsheetText.Protect(n));
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            csv.WriteField(SpreadsheetText.Protect(row.Id));
            csv.WriteField(SpreadsheetText.Protect(row.File));
            csv.WriteField(SpreadsheetText.Protect(row.Label));
            csv.WriteField(SpreadsheetText.Protect(string.Join(FeatureTable.GenreSeparator, row.Genres)));
            csv.WriteField(SpreadsheetText.Protect(row.Artist ?? ""));
            if (fold) csv.WriteField(SpreadsheetText.Protect(row.Fold ?? ""));
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
        var names = header[first..].Select(SpreadsheetText.Unprotect).ToArray();
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
            string Text(int i) => SpreadsheetText.Unprotect(csv.GetField(i) ?? "");
            var genres = Text(3).Split(FeatureTable.GenreSeparator, StringSplitOptions.RemoveEmptyEntries);
            if (genres.Length == 0) genres = [Text(2)];
            var artist = Text(4);
            var foldValue = fold ? Text(keys.Count) : null;
            rows.Add(new FeatureRow(Text(0), Text(1), genres,
                string.IsNullOrEmpty(artist) ? null : artist, string.IsNullOrEmpty(foldValue) ? null : foldValue, values));
        }
        return new FeatureTable(names, rows);
    }
}
