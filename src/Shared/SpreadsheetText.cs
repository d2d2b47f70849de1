using System.Buffers;
using System.Globalization;

namespace Genrify.Shared;

/// <summary>
/// Keeps text cells of the CSV files Genrify writes from being run as formulas when the file is opened in a
/// spreadsheet (CSV injection): a cell that starts with = + - @ tab or CR gets a leading single quote, as OWASP
/// advises, unless it is a plain number (-3.5 is a number, not a formula). Reading undoes it exactly, so a song
/// named "=cmd|calc.mp3" comes back with that name.
/// </summary>
/// <remarks>
/// To make the round trip exact for names that themselves start with quotes, the quote is added whenever the text
/// after all leading quotes would be dangerous ("'=x" is written "''=x"), and removed only in that same case.
/// Compiled into each assembly that writes CSV (a linked source file, internal there).
/// </remarks>
internal static class SpreadsheetText
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The cell to write for <paramref name="text"/>.</summary>
    public static string Protect(string text) => NeedsQuote(text) ? "'" + text : text;

    /// <summary>The text of a cell written by <see cref="Protect"/>; other text unchanged.</summary>
    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && NeedsQuote(text.AsSpan(1)) ? text[1..] : text;

    private static bool NeedsQuote(ReadOnlySpan<char> text)
    {
        var rest = text.TrimStart('\'');
        return rest.Length > 0 && FormulaStarts.Contains(rest[0])
            && !double.TryParse(rest, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out _);
    }
}
