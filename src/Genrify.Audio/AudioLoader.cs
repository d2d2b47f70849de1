using Genrify.Audio.Native;

namespace Genrify.Audio;

/// <summary>
/// Loads audio as <c>librosa.load(path, sr=None, mono=True)</c> does for files libsndfile reads:
/// float32 frames, then the mean over channels. (Resampling and the ffmpeg fallback come next.)
/// </summary>
public static class AudioLoader
{
    /// <summary>Decodes <paramref name="path"/> to mono float32 at its native rate.</summary>
    public static unsafe AudioBuffer LoadNative(string path)
    {
        if (!File.Exists(path)) throw new AudioDecodeException(path, "file not found");
        var info = new LibSndFile.Info();
        var file = LibSndFile.Open(path, LibSndFile.ModeRead, ref info);
        if (file == IntPtr.Zero) throw new AudioDecodeException(path, LibSndFile.ErrorMessage(IntPtr.Zero));
        try
        {
            int channels = info.Channels;
            var interleaved = new List<float>(checked((int)Math.Max(0, info.Frames * channels)));
            var block = new float[4096 * channels];
            fixed (float* p = block)
            {
                long read;
                while ((read = LibSndFile.ReadFramesFloat(file, p, 4096)) > 0)
                    interleaved.AddRange(block.AsSpan(0, (int)read * channels));
            }
            int frames = interleaved.Count / channels;
            var mono = new float[frames];
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(interleaved);
            if (channels == 1) all.CopyTo(mono);
            else
                for (int i = 0; i < frames; i++)
                {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) sum += all[i * channels + c];
                    mono[i] = sum / channels;
                }
            return new AudioBuffer(mono, info.SampleRate, "soundfile", []);
        }
        finally
        {
            LibSndFile.Close(file);
        }
    }
}
