using Genrify.Audio;

namespace Genrify.Features.Collections;

/// <summary>The songs of a folder-per-genre collection or a manifest, in a deterministic order.</summary>
/// <param name="Source">The folder or manifest that was read.</param>
/// <param name="Tracks">Songs whose file exists.</param>
/// <param name="Skipped">Entries dropped while reading (missing file, no location, no genre).</param>
public sealed record TrackCollection(string Source, IReadOnlyList<Track> Tracks, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Audio file extensions a folder collection picks up (lower case, with the dot): <see cref="AudioFormats.Extensions"/>.</summary>
    public static IReadOnlySet<string> AudioExtensions => AudioFormats.Extensions;

    /// <summary>The manifest a collection folder may hold at its root; when it does, the folder is read through it.</summary>
    public const string ManifestFileName = "manifest.csv";

    /// <summary>Reads a folder-per-genre collection (a directory; through its manifest.csv when it has one) or a manifest (a .csv file).</summary>
    /// <exception cref="FileNotFoundException">Neither a directory nor a file exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The manifest lacks a required column.</exception>
    public static TrackCollection Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // A folder that holds a manifest (what `genrify collect` writes) is that manifest's collection: ids, artists and
        // genres come from it, not from subfolder names.
        if (Directory.Exists(path))
            return System.IO.File.Exists(System.IO.Path.Combine(path, ManifestFileName)) ? ManifestCollection.Read(System.IO.Path.Combine(path, ManifestFileName)) : FolderCollection.Read(path);
        if (System.IO.File.Exists(path)) return ManifestCollection.Read(path);
        throw new FileNotFoundException($"{path}: no such folder or manifest", path);
    }
}
