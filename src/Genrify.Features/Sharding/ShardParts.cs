using System.Globalization;
using System.Text.RegularExpressions;
using Genrify.Data;

namespace Genrify.Features.Sharding;

/// <summary>
/// The part files of a sharded extraction, one per shard, named <c>part-00003-of-00008.parquet</c> (shard 3 of 8),
/// and their union: <see cref="Combine"/> reads a folder of them back as the one table the unsharded extraction
/// would have written, and <see cref="IsPartFolder"/> tells such a folder from a collection of audio.
/// </summary>
public static partial class ShardParts
{
    /// <summary>The file name of <paramref name="shard"/>'s part, such as <c>part-00003-of-00008.parquet</c>.</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="extension">The table format's extension, with the dot (<c>.parquet</c> or <c>.csv</c>).</param>
    public static string FileName(ShardSpec shard, string extension = ".parquet")
    {
        ArgumentNullException.ThrowIfNull(shard);
        FeatureTable.FormatOf("part" + extension); // only a table format a reader can read back
        return string.Create(CultureInfo.InvariantCulture, $"part-{shard.Index:D5}-of-{shard.Count:D5}{extension}");
    }

    /// <summary>The shard a part file name stands for, or null when <paramref name="fileName"/> is not one.</summary>
    public static ShardSpec? ShardOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = PartName().Match(Path.GetFileName(fileName));
        if (!match.Success) return null;
        if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index >= count)
            return null;
        return new ShardSpec(index, count);
    }

    /// <summary>
    /// Whether <paramref name="folder"/> is a folder of part files, and so stands for the one table
    /// <see cref="Combine"/> reads from it: it holds at least one file named like a part
    /// (<c>part-00003-of-00008.parquet</c>) directly in it. Nothing else in it is looked at: the extraction's cache, notes
    /// and subfolders do not change the answer. A collection's folder per genre keeps its audio in subfolders, so a part
    /// at the top level is what tells the two apart. False for a folder that does not exist or cannot be listed.
    /// </summary>
    public static bool IsPartFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) return false;
        try { return Directory.EnumerateFiles(folder).Any(path => ShardOf(path) is not null); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// The union of the part files in <paramref name="folder"/>: every shard of one split present once, all with the
    /// same features and preset; rows ordered by song id (ordinal), so the result does not depend on how the
    /// collection was split. Other files in the folder are ignored.
    /// </summary>
    /// <param name="folder">The folder of part files.</param>
    /// <param name="columns">The roles of the parts' columns, as for <see cref="FeatureTable.Load"/> (default
    /// <see cref="TableColumns.Default"/>): a named group, fold or parent column must be in every part that has rows
    /// (an empty part names no songs to group or fold, and needs none).</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no part files, parts of different splits, a shard twice
    /// or not at all, parts with different features or presets, or one song in two parts; the message names them.</exception>
    /// <exception cref="FeatureTableException">A part cannot be read, or lacks a column <paramref name="columns"/> names.</exception>
    public static FeatureTable Combine(string folder, TableColumns? columns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var parts = Directory.EnumerateFiles(folder)
            .Select(path => (Path: path, Shard: ShardOf(path)))
            .Where(p => p.Shard is not null)
            .OrderBy(p => p.Shard!.Index).ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        if (parts.Count == 0)
            throw new InvalidDataException($"{folder}: no part files (named like {FileName(new ShardSpec(0, 8))})");
        var counts = parts.Select(p => p.Shard!.Count).Distinct().Order().ToList();
        if (counts.Count > 1)
            throw new InvalidDataException($"{folder}: parts of different splits ({string.Join(", ", counts.Select(c => $"of {c}"))}); keep one split per folder");
        int n = counts[0];
        var twice = parts.GroupBy(p => p.Shard!.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidDataException($"{folder}: shard {twice.Key}/{n} has {twice.Count()} part files ({string.Join(", ", twice.Select(p => Path.GetFileName(p.Path)))})");
        var missing = Enumerable.Range(0, n).Except(parts.Select(p => p.Shard!.Index)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{folder}: {missing.Count} of {n} part(s) missing: shard(s) {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", …" : "")}");

        FeatureTable? first = null;
        var rows = new List<FeatureRow>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, _) in parts)
        {
            var table = LoadPart(path, columns);
            var name = Path.GetFileName(path);
            if (first is null) first = table;
            else if (!table.FeatureNames.SequenceEqual(first.FeatureNames, StringComparer.Ordinal))
                throw new InvalidDataException($"{name}: its features differ from those of {first.Source} ({table.FeatureNames.Count} against {first.FeatureNames.Count} columns)");
            else if (table.PresetName is not null && first.PresetName is not null && table.PresetName != first.PresetName)
                throw new InvalidDataException($"{name}: preset {table.PresetName}, but {first.Source} has {first.PresetName}");
            foreach (var row in table.Rows)
            {
                if (row.Id is not null && !owner.TryAdd(row.Id, name))
                    throw new InvalidDataException($"{name}: song {row.Id} is also in {owner[row.Id]}");
                rows.Add(row);
            }
        }
        var ordered = rows.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.File, StringComparer.Ordinal).ToList();
        return new FeatureTable(first!.FeatureNames, ordered, first.PresetName, first.PresetOptions, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
    }

    // A part written for a shard without songs has none of the optional columns (a fold column is written only when
    // some row has a fold), so a column named for roles may be missing there without anything being lost.
    private static FeatureTable LoadPart(string path, TableColumns? columns)
    {
        try { return FeatureTable.Load(path, columns); }
        catch (FeatureTableException) when (columns is not null && IsEmpty(path)) { return FeatureTable.Load(path); }
    }

    private static bool IsEmpty(string path)
    {
        try { return FeatureTable.Load(path).Rows.Count == 0; }
        catch (FeatureTableException) { return false; }
    }

    [GeneratedRegex(@"^part-(\d{5,9})-of-(\d{5,9})\.(parquet|csv)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
