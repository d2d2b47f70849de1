using System.Security.Cryptography;
using System.Text;
using Genrify.Dsp;
using Genrify.Features.Extraction;

namespace Genrify.Features.Caching;

/// <summary>
/// Where caches live and how they are opened: one <see cref="FeatureCache{T}"/> per recipe, keyed by the audio's
/// content hash. Feature vectors of a preset and log-mel matrices of a CNN front end share the format and the rules.
/// </summary>
public static class FeatureCache
{
    /// <summary>Bump when extraction code changes results for the same recipe: old entries stop matching.</summary>
    public const int CodeVersion = 1;

    /// <summary>Folder name used next to an output table.</summary>
    public const string DirectoryName = ".genrify-cache";

    /// <summary>$XDG_CACHE_HOME/genrify, else ~/.cache/genrify.</summary>
    public static string UserDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "genrify");
    }

    /// <summary>The default cache folder for an output table: <c>.genrify-cache</c> beside it.</summary>
    public static string DirectoryNextTo(string outputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, DirectoryName);

    /// <summary>The key that identifies <paramref name="preset"/>'s recipe (hex SHA-256).</summary>
    public static string PresetKey(IFeaturePreset preset) => Key(new PresetExtractor(preset));

    /// <summary>The key that identifies what <paramref name="extractor"/> computes (hex SHA-256 of its name, sample
    /// rate and recipe, and <see cref="CodeVersion"/>).</summary>
    public static string Key<T>(IClipExtractor<T> extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var text = $"genrify-features\n{CodeVersion}\n{extractor.Name}\n{extractor.SampleRate}\n{extractor.Recipe}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>SHA-256 of the file's bytes, as lower-case hex.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Opens (or creates) the cache of <paramref name="preset"/>'s vectors under <paramref name="directory"/>.</summary>
    /// <remarks>
    /// Never fails for what is inside the file: a damaged header sets the old file aside (<c>.corrupt</c>) and starts
    /// a new one, damaged records are skipped, a file of another format version is rebuilt; <see cref="FeatureCache{T}.Notice"/> says
    /// which. A cache that cannot be written (a full disk) is used for reading only, with a <see cref="FeatureCache{T}.Notice"/>;
    /// one whose folder or lock file cannot even be created holds nothing and stores nothing beyond this run.
    /// </remarks>
    public static FeatureCache<double[]> Open(string directory, IFeaturePreset preset) => Open(directory, preset, static s => s);

    internal static FeatureCache<double[]> Open(string directory, IFeaturePreset preset, Func<Stream, Stream> wrapLog)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var extractor = new PresetExtractor(preset);
        return FeatureCache<double[]>.Open(directory, preset.Name, Key(extractor), new VectorCodec(preset.FeatureNames.Count), wrapLog);
    }

    /// <summary>
    /// Opens (or creates) the cache of the fixed-length vectors that <paramref name="extractor"/> computes (each of
    /// <paramref name="length"/> values), under <paramref name="directory"/>; as <see cref="Open(string, IFeaturePreset)"/>
    /// in everything else.
    /// </summary>
    public static FeatureCache<double[]> Open(string directory, IClipExtractor<double[]> extractor, int length)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return FeatureCache<double[]>.Open(directory, extractor.Name, Key(extractor), new VectorCodec(length), static s => s);
    }

    /// <summary>
    /// Opens (or creates) the cache of the matrices (e.g. log-mel spectrograms) that <paramref name="extractor"/>
    /// computes, under <paramref name="directory"/>; as <see cref="Open(string, IFeaturePreset)"/> in everything else.
    /// </summary>
    public static FeatureCache<Matrix> Open(string directory, IClipExtractor<Matrix> extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return FeatureCache<Matrix>.Open(directory, extractor.Name, Key(extractor), new MatrixCodec(), static s => s);
    }
}
