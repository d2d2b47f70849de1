using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genrify.Dsp;

/// <summary>The orthonormal DCT-II along the rows of a matrix (scipy.fftpack.dct(type=2, norm='ortho', axis=-2)), truncated.</summary>
public static class Dct
{
    private static readonly ConcurrentDictionary<(int, int), float[]> Bases = new();

    /// <summary>
    /// The first <paramref name="count"/> DCT-II coefficients of every column of <paramref name="x"/> (rows × frames),
    /// orthonormal scaling, float32 (count × frames).
    /// </summary>
    public static Matrix Type2Ortho(Matrix x, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (count < 1 || count > x.Rows) throw new ArgumentException($"count must be in [1, {x.Rows}] (got {count}).", nameof(count));
        int n = x.Rows;
        var basis = Bases.GetOrAdd((n, count), key => Basis(key.Item1, key.Item2));
        var result = new Matrix(count, x.Columns);
        int cols = x.Columns, t = 0;
        ReadOnlySpan<float> src = x.Data;
        Span<float> dst = result.Data;
        if (Vector256.IsHardwareAccelerated)
        {
            // 16 frames at a time for every coefficient: that strip of the input (n × 64 bytes) stays in L1 while all
            // coefficients are accumulated in registers, instead of streaming the whole matrix once per coefficient.
            ref float xs = ref MemoryMarshal.GetReference(src);
            ref float ds = ref MemoryMarshal.GetReference(dst);
            for (; t <= cols - 16; t += 16)
            {
                int c = 0;
                // Four coefficients per sweep share each load and give eight independent add chains (latency-bound otherwise).
                for (; c <= count - 4; c += 4)
                {
                    Vector256<float> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
                    ref float w = ref basis[c * n];
                    nuint at = (nuint)t;
                    for (int m = 0; m < n; m++, at += (nuint)cols)
                    {
                        var lo = Vector256.LoadUnsafe(ref xs, at);
                        var hi = Vector256.LoadUnsafe(ref xs, at + 8);
                        var w0 = Vector256.Create(Unsafe.Add(ref w, m));
                        var w1 = Vector256.Create(Unsafe.Add(ref w, n + m));
                        var w2 = Vector256.Create(Unsafe.Add(ref w, 2 * n + m));
                        var w3 = Vector256.Create(Unsafe.Add(ref w, 3 * n + m));
                        a0 += lo * w0; a1 += hi * w0;
                        b0 += lo * w1; b1 += hi * w1;
                        c0 += lo * w2; c1 += hi * w2;
                        d0 += lo * w3; d1 += hi * w3;
                    }
                    Store(ref ds, c, a0, a1); Store(ref ds, c + 1, b0, b1); Store(ref ds, c + 2, c0, c1); Store(ref ds, c + 3, d0, d1);
                }
                for (; c < count; c++)
                {
                    var a0 = Vector256<float>.Zero;
                    var a1 = Vector256<float>.Zero;
                    ref float w = ref basis[c * n];
                    nuint at = (nuint)t;
                    for (int m = 0; m < n; m++, at += (nuint)cols)
                    {
                        var wm = Vector256.Create(Unsafe.Add(ref w, m));
                        a0 += Vector256.LoadUnsafe(ref xs, at) * wm;
                        a1 += Vector256.LoadUnsafe(ref xs, at + 8) * wm;
                    }
                    Store(ref ds, c, a0, a1);
                }
            }

            void Store(ref float d, int c, Vector256<float> lo, Vector256<float> hi)
            {
                lo.StoreUnsafe(ref d, (nuint)(c * cols + t));
                hi.StoreUnsafe(ref d, (nuint)(c * cols + t + 8));
            }
        }
        for (; t < cols; t++)
            for (int c = 0; c < count; c++)
            {
                float acc = 0;
                for (int m = 0; m < n; m++) acc += src[m * cols + t] * basis[c * n + m];
                dst[c * cols + t] = acc;
            }
        return result;
    }

    /// <summary>
    /// <see cref="Type2Ortho"/> of a matrix stored in tiles of <see cref="Stft.Block"/> frames (rows × Block values
    /// each, contiguous; see <see cref="StftMelSink"/>), every value first clipped below at <paramref name="floor"/>
    /// (power_to_db's top_db clip, fused here so the values are read once). Same operations in the same order as
    /// <see cref="Type2Ortho"/>, so the same results.
    /// </summary>
    internal static unsafe Matrix Type2OrthoBlocks(float* blocks, int frames, int rows, int count, float floor)
    {
        const int B = Stft.Block;
        var basis = Bases.GetOrAdd((rows, count), key => Basis(key.Item1, key.Item2));
        var result = new Matrix(count, frames);
        var last = new float[B];
        var f = Vector256.Create(floor);
        fixed (float* w0 = basis)
        fixed (float* dst = result.Data)
        fixed (float* scratch = last)
            for (int t = 0; t < frames; t += B)
            {
                float* tile = blocks + (long)(t / B) * rows * B;
                int n = Math.Min(B, frames - t);
                int c = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    // Where AVX-512 exists a tile row is one vector: the same sums with half the instructions.
                    for (; c <= count - 4; c += 4)
                    {
                        Vector512<float> a = default, b = default, e = default, g = default;
                        float* w = w0 + c * rows;
                        var f16 = Vector512.Create(floor);
                        for (int m = 0; m < rows; m++)
                        {
                            var x = Vector512.MaxNative(Vector512.Load(tile + m * B), f16);
                            a += x * Vector512.Create(w[m]);
                            b += x * Vector512.Create(w[rows + m]);
                            e += x * Vector512.Create(w[2 * rows + m]);
                            g += x * Vector512.Create(w[3 * rows + m]);
                        }
                        float* d = dst + (long)c * frames + t;
                        StoreStrip(d, n, a.GetLower(), a.GetUpper(), scratch);
                        StoreStrip(d + frames, n, b.GetLower(), b.GetUpper(), scratch);
                        StoreStrip(d + 2 * frames, n, e.GetLower(), e.GetUpper(), scratch);
                        StoreStrip(d + 3 * frames, n, g.GetLower(), g.GetUpper(), scratch);
                    }
                }
                // Four coefficients per sweep share each load, as in Type2Ortho; then one at a time.
                for (; c <= count - 4; c += 4)
                {
                    Vector256<float> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
                    float* w = w0 + c * rows;
                    for (int m = 0; m < rows; m++)
                    {
                        var lo = Vector256.MaxNative(Vector256.Load(tile + m * B), f);
                        var hi = Vector256.MaxNative(Vector256.Load(tile + m * B + 8), f);
                        var v0 = Vector256.Create(w[m]);
                        var v1 = Vector256.Create(w[rows + m]);
                        var v2 = Vector256.Create(w[2 * rows + m]);
                        var v3 = Vector256.Create(w[3 * rows + m]);
                        a0 += lo * v0; a1 += hi * v0;
                        b0 += lo * v1; b1 += hi * v1;
                        c0 += lo * v2; c1 += hi * v2;
                        d0 += lo * v3; d1 += hi * v3;
                    }
                    float* d = dst + (long)c * frames + t;
                    StoreStrip(d, n, a0, a1, scratch);
                    StoreStrip(d + frames, n, b0, b1, scratch);
                    StoreStrip(d + 2 * frames, n, c0, c1, scratch);
                    StoreStrip(d + 3 * frames, n, d0, d1, scratch);
                }
                for (; c < count; c++)
                {
                    Vector256<float> a0 = default, a1 = default;
                    float* w = w0 + c * rows;
                    for (int m = 0; m < rows; m++)
                    {
                        var v0 = Vector256.Create(w[m]);
                        a0 += Vector256.MaxNative(Vector256.Load(tile + m * B), f) * v0;
                        a1 += Vector256.MaxNative(Vector256.Load(tile + m * B + 8), f) * v0;
                    }
                    StoreStrip(dst + (long)c * frames + t, n, a0, a1, scratch);
                }
            }
        return result;
    }

    // The first n of 16 values (n < 16 only for the last strip, through a scratch, so nothing past the row is touched).
    private static unsafe void StoreStrip(float* d, int n, Vector256<float> lo, Vector256<float> hi, float* scratch)
    {
        if (n == Stft.Block)
        {
            lo.Store(d);
            hi.Store(d + 8);
            return;
        }
        lo.Store(scratch);
        hi.Store(scratch + 8);
        for (int i = 0; i < n; i++) d[i] = scratch[i];
    }

    // basis[k, n] = s_k · cos(π k (2n + 1) / 2N), s_0 = √(1/N), s_k = √(2/N): built in float64, stored float32.
    private static float[] Basis(int n, int count)
    {
        var b = new float[count * n];
        for (int k = 0; k < count; k++)
        {
            double scale = k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n);
            for (int i = 0; i < n; i++) b[k * n + i] = (float)(scale * Math.Cos(Math.PI * k * (2 * i + 1) / (2.0 * n)));
        }
        return b;
    }
}
