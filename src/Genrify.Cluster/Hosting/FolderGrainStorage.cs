using System.Security.Cryptography;
using System.Text;
using Orleans.Storage;

namespace Genrify.Cluster.Hosting;

/// <summary>
/// Grain state in files of one folder, for a cluster on one machine (Orleans ships storage for databases and cloud
/// services, not for a folder): one file per grain, written beside and renamed into place, with a version number as
/// its ETag so a stale activation cannot overwrite a newer state. The state is encoded by the silo's
/// <see cref="IGrainStorageSerializer"/>, as Orleans' own providers do.
/// </summary>
/// <remarks>The version check and the rename are two steps, so two processes writing one grain's state at the same
/// instant are not excluded; Orleans keeps one activation per grain, which makes that a brief window while a dead
/// silo's grains move.</remarks>
internal sealed class FolderGrainStorage(string folder, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string VersionSeparator = "\n";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var (version, payload) = Split(await File.ReadAllBytesAsync(path), path);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckVersion(path, grainState.ETag);
        long next = grainState.ETag is null ? 1 : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var version = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = serializer.Serialize(grainState.State).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(version + VersionSeparator));
            await stream.WriteAsync(payload);
            // No fsync: a state lost to a machine crash is rebuilt from the store, where a written part is the truth
            // (an item handed out again finds its part and is counted), and a sync per lease would slow every item.
        }
        File.Move(temp, path, overwrite: true);
        grainState.ETag = version;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckVersion(path, grainState.ETag);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private void CheckVersion(string path, string? expected)
    {
        string? stored = null;
        if (File.Exists(path))
        {
            using var reader = new StreamReader(path, Encoding.ASCII);
            stored = reader.ReadLine();
        }
        if (stored != expected)
            throw new InconsistentStateException($"{path}: state version {stored ?? "none"} on disk, {expected ?? "none"} expected (written by another activation)", stored, expected);
    }

    private static (string Version, byte[] Payload) Split(byte[] bytes, string path)
    {
        int newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline <= 0) throw new InvalidDataException($"{path}: not a grain state file (no version line)");
        return (Encoding.ASCII.GetString(bytes, 0, newline), bytes[(newline + 1)..]);
    }

    // One file per grain: the grain type for a person reading the folder, a hash of the full id for uniqueness.
    private string PathOf(string stateName, GrainId grainId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stateName}/{grainId}")))[..32];
        var type = new string(grainId.Type.ToString()!.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return Path.Combine(folder, $"{type}-{stateName}-{hash}.state");
    }
}
