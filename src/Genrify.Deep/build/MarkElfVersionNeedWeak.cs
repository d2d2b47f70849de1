// MSBuild inline task (compiled by RoslynCodeTaskFactory; not part of Genrify.Deep.dll).
// See TorchSharpGlibcxx.targets for why. Sets VER_FLG_WEAK on one .gnu.version_r entry of each
// existing ELF64 little-endian file, when the system's libstdc++.so.6 does not define that version.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MarkElfVersionNeedWeak : Task
{
    [Required] public ITaskItem[] Files { get; set; }
    [Required] public string Version { get; set; }

    const ushort VerFlgWeak = 0x2;
    const uint ShtGnuVerneed = 0x6FFFFFFE;

    static readonly string[] LibStdCxxPlaces =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    public override bool Execute()
    {
        string libstdcxx = Array.Find(LibStdCxxPlaces, File.Exists);
        if (libstdcxx == null || Contains(File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(Version + "\0")))
            return true; // The system provides the version (or we cannot tell): leave the library as shipped.
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            var stamp = File.GetLastWriteTimeUtc(path);
            byte[] data = File.ReadAllBytes(path);
            int flagsAt = FindVersionNeedFlags(data, Version);
            if (flagsAt < 0) continue;
            ushort flags = BitConverter.ToUInt16(data, flagsAt);
            if ((flags & VerFlgWeak) != 0) continue; // already patched
            using (var f = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                f.Position = flagsAt;
                f.Write(BitConverter.GetBytes((ushort)(flags | VerFlgWeak)), 0, 2);
            }
            File.SetLastWriteTimeUtc(path, stamp); // same size and time: incremental copies leave it alone
            Log.LogMessage(MessageImportance.Low, $"Marked {Version} weak in {path}");
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>File offset of vna_flags of the Vernaux naming <paramref name="version"/>, or -1.</summary>
    static int FindVersionNeedFlags(byte[] d, string version)
    {
        if (d.Length < 64 || d[0] != 0x7F || d[1] != (byte)'E' || d[2] != (byte)'L' || d[3] != (byte)'F' || d[4] != 2 || d[5] != 1)
            return -1;
        long shoff = BitConverter.ToInt64(d, 0x28);
        int shentsize = BitConverter.ToUInt16(d, 0x3A), shnum = BitConverter.ToUInt16(d, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(d, sh + 4) != ShtGnuVerneed) continue;
            int offset = (int)BitConverter.ToInt64(d, sh + 0x18);
            int link = (int)BitConverter.ToUInt32(d, sh + 0x28), count = (int)BitConverter.ToUInt32(d, sh + 0x2C);
            int strtab = (int)BitConverter.ToInt64(d, checked((int)(shoff + (long)link * shentsize)) + 0x18);
            int vn = offset;
            for (int n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(d, vn + 2);
                int vna = vn + (int)BitConverter.ToUInt32(d, vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    if (NameIs(d, strtab + (int)BitConverter.ToUInt32(d, vna + 8), version)) return vna + 4;
                    vna += (int)BitConverter.ToUInt32(d, vna + 12);
                }
                vn += (int)BitConverter.ToUInt32(d, vn + 12);
            }
        }
        return -1;
    }

    static bool NameIs(byte[] d, int at, string name)
    {
        for (int i = 0; i < name.Length; i++)
            if (at + i >= d.Length || d[at + i] != (byte)name[i]) return false;
        return at + name.Length < d.Length && d[at + name.Length] == 0;
    }

    // Plain loops: the inline task is compiled against netstandard, without spans.
    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = Array.IndexOf(haystack, needle[0]); i >= 0 && i <= haystack.Length - needle.Length;
             i = Array.IndexOf(haystack, needle[0], i + 1))
        {
            int k = 1;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }
}
