using System.Globalization;

namespace Genrify.Data;

/// <summary>One column of a file as read, before roles are given: text cells (CSV, Parquet text and integer columns)
/// or numbers (Parquet floating-point columns, kept as numbers so no value passes through text).</summary>
internal sealed class RawColumn
{
    private readonly string?[]? _text;
    private readonly double?[]? _numbers;

    private RawColumn(string name, string?[]? text, double?[]? numbers)
    {
        Name = name;
        _text = text;
        _numbers = numbers;
    }

    public static RawColumn OfText(string name, string?[] cells) => new(name, cells, null);

    public static RawColumn OfNumbers(string name, double?[] cells) => new(name, null, cells);

    public string Name { get; }

    public int Length => _text?.Length ?? _numbers!.Length;

    /// <summary>Whether the cells are numbers already.</summary>
    public bool IsNumeric => _numbers is not null;

    /// <summary>A number cell (only when <see cref="IsNumeric"/>); null when missing.</summary>
    public double? Number(int row) => _numbers![row];

    /// <summary>The cell as text (numbers in round-trip form); null when missing.</summary>
    public string? Text(int row) => _text is not null ? _text[row] : _numbers![row]?.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A file's columns and the recipe its metadata names, if any.</summary>
internal sealed record RawTable(IReadOnlyList<RawColumn> Columns, string? PresetName = null, string? PresetOptions = null);
