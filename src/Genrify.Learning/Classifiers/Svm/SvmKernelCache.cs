namespace Genrify.Learning;

/// <summary>
/// Least-recently-used cache of kernel columns for the SMO solver, in the manner of libsvm's Cache:
/// each column holds Q[i][0..len) as float (libsvm's Qfloat), a later request for a longer prefix
/// extends it, and <see cref="SwapIndex"/> follows the solver's shrinking permutation.
/// </summary>
/// <remarks>
/// Unlike libsvm, every column owns an array of the full problem length, recycled through a free
/// list, so a long training allocates nothing once the cache is warm; the budget is counted in those
/// full-length arrays. The cache only changes speed, never results: a dropped column is recomputed
/// to the same floats.
/// </remarks>
internal sealed class SvmKernelCache
{
    private readonly int _length;
    private readonly float[]?[] _data;
    private readonly int[] _len;
    private readonly int[] _prev;
    private readonly int[] _next;
    private readonly Stack<float[]> _free = new();
    private long _budget; // floats still available

    /// <summary>A cache for a problem of <paramref name="length"/> rows, using about <paramref name="bytes"/> bytes (at least two columns).</summary>
    public SvmKernelCache(int length, long bytes)
    {
        _length = length;
        _data = new float[]?[length];
        _len = new int[length];
        // Index `length` is the sentinel of the circular LRU list: _next[sentinel] is the oldest column.
        _prev = new int[length + 1];
        _next = new int[length + 1];
        _prev[length] = _next[length] = length;
        _budget = Math.Max(bytes / sizeof(float), 2L * length);
    }

    /// <summary>
    /// Makes column <paramref name="index"/> hold at least <paramref name="len"/> entries and marks it most recent.
    /// Returns the position from which the caller must fill it (len when nothing is missing).
    /// </summary>
    public int GetData(int index, int len, out float[] data)
    {
        if (_len[index] > 0) Unlink(index);
        int start = len;
        if (len > _len[index])
        {
            if (_data[index] is null)
            {
                while (_budget < _length) Drop(_next[_length]);
                _data[index] = _free.Count > 0 ? _free.Pop() : new float[_length];
                _budget -= _length;
            }
            start = _len[index];
            _len[index] = len;
        }
        LinkAsNewest(index);
        data = _data[index]!;
        return start;
    }

    /// <summary>Swaps rows/columns i and j, as the solver's shrinking permutes its variables.</summary>
    public void SwapIndex(int i, int j)
    {
        if (i == j) return;
        if (_len[i] > 0) Unlink(i);
        if (_len[j] > 0) Unlink(j);
        (_data[i], _data[j]) = (_data[j], _data[i]);
        (_len[i], _len[j]) = (_len[j], _len[i]);
        if (_len[i] > 0) LinkAsNewest(i);
        if (_len[j] > 0) LinkAsNewest(j);

        if (i > j) (i, j) = (j, i);
        for (int h = _next[_length]; h != _length;)
        {
            int following = _next[h];
            if (_len[h] > i)
            {
                if (_len[h] > j)
                {
                    var column = _data[h]!;
                    (column[i], column[j]) = (column[j], column[i]);
                }
                else
                {
                    Drop(h); // entry j of this column was never computed: give it up, as libsvm does
                }
            }
            h = following;
        }
    }

    private void Drop(int h)
    {
        Unlink(h);
        _free.Push(_data[h]!);
        _data[h] = null;
        _len[h] = 0;
        _budget += _length;
    }

    private void Unlink(int h)
    {
        _next[_prev[h]] = _next[h];
        _prev[_next[h]] = _prev[h];
    }

    private void LinkAsNewest(int h)
    {
        int last = _prev[_length];
        _next[h] = _length;
        _prev[h] = last;
        _next[last] = h;
        _prev[_length] = h;
    }
}
