using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Genrify.Shared;

namespace Genrify.Data;

/// <summary>
/// CSV form of a <see cref="FeatureTable"/>: UTF-8 (no BOM), invariant culture; values written with "R" (shortest
/// text that parses back to the identical double, so float32-derived values survive exactly); NaN/Infinity as .NET
/// spells them. Text cells that a spreadsheet would run as a formula (a song file named "=cmd|calc.mp3") are written
/// with a leading single quote and read back exactly (<see cref="SpreadsheetText"/>); numbers are written as they are.
/// </summary>
internal static class CsvTable
{
    public static void Write(FeatureTable table, Stream stream)
    {
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
            csv.WriteField(SpreadsheetText.Protect(row.Id ?? ""));
            csv.WriteField(SpreadsheetText.Protect(row.File ?? ""));
            csv.WriteField(SpreadsheetText.Protect(row.Label));
            csv.WriteField(SpreadsheetText.Protect(string.Join(FeatureTable.GenreSeparator, row.Genres)));
            csv.WriteField(SpreadsheetText.Protect(row.Group ?? ""));
            if (fold) csv.WriteField(SpreadsheetText.Protect(row.Fold ?? ""));
            foreach (var v in row.Values) csv.WriteField(v.ToString("R", CultureInfo.InvariantCulture), shouldQuote: false);
            csv.NextRecord();
        }
    }

    public static RawTable Read(string path) => Parse(path, headerOnly: false);

    public static IReadOnlyList<string> ReadColumnNames(string path) => Parse(path, headerOnly: true).Columns.Select(c => c.Name).ToArray();

    private static RawTable Parse(string path, bool headerOnly)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new FeatureTableException($"{path}: no such file");
        try
        {
            using var reader = new StreamReader(path);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null };
            using var csv = new CsvReader(reader, config);
            if (!csv.Read())
                throw new FeatureTableException($"{file}: empty file (no header row)");
            csv.ReadHeader();
            // Cells written with a formula guard (Save, genrify extract) come back as they were; numbers never carry one.
            var headers = csv.HeaderRecord!.Select(h => SpreadsheetText.Unprotect(h.Trim())).ToArray();
            var cells = headers.Select(_ => new List<string?>()).ToArray();
            int row = 0;
            while (!headerOnly && csv.Read())
            {
                row++;
                var record = csv.Parser.Record ?? [];
                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0])) continue;
                if (record.Length != headers.Length)
                    throw new FeatureTableException($"{file}: row {row} has {record.Length} fields but the header has {headers.Length}");
                for (int c = 0; c < headers.Length; c++) cells[c].Add(SpreadsheetText.Unprotect(record[c]));
            }
            return new RawTable(headers.Select((h, c) => RawColumn.OfText(h, cells[c].ToArray())).ToArray());
        }
        catch (CsvHelperException e)
        {
            // CsvHelper's message is a first line of words, then its reader's state: only the words are for people.
            var reason = e.Message.Split('\n', 2)[0].Trim();
            throw new FeatureTableException($"{file}: not a readable CSV table (row {e.Context?.Parser?.Row}: {reason})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FeatureTableException($"{file}: cannot be read ({e.Message.Split('\n')[0]})", e);
        }
    }
}
