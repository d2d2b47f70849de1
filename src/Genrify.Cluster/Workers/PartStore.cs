using Genrify.Data;
using Genrify.Features.Sharding;

namespace Genrify.Cluster.Workers;

/// <summary>
/// A job's output folder: one part file per work item, each written beside its final name and renamed into place
/// without replacing anything, so a part exists whole or not at all and is written once, even when a lease taken back
/// from a slow worker lets two workers finish the same item.
/// </summary>
public static class PartStore
{
    /// <summary>The part file of <paramref name="shard"/> in <paramref name="store"/>.</summary>
    public static string PartPath(string store, ShardSpec shard) => Path.Combine(store, ShardParts.FileName(shard));

    /// <summary>
    /// Writes <paramref name="table"/> as <paramref name="path"/> unless that file exists. True when this call wrote
    /// it; false when it was already there (it is left as it was).
    /// </summary>
    /// <exception cref="IOException">The store cannot be written.</exception>
    public static bool WriteOnce(FeatureTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path)) return false;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // A hidden name that no reader takes for a part, with the part's extension so the table's format follows.
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            table.Save(temp);
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // another worker renamed the same part into place first
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
