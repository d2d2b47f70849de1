namespace Genrify.Explore;

/// <summary>
/// The k best (smallest score) rows seen so far, kept as a bounded max-heap so that the worst kept row is at the top
/// and a row is admitted with one comparison. Ties in score go to the smaller row index, which makes a scan in row
/// order deterministic. Arrays are allocated once per query, never per row.
/// </summary>
internal sealed class NearestSelection
{
    private readonly float[] _scores;
    private readonly int[] _rows;
    private int _count;

    /// <summary>Keeps the <paramref name="capacity"/> best rows.</summary>
    public NearestSelection(int capacity)
    {
        _scores = new float[capacity];
        _rows = new int[capacity];
    }

    /// <summary>Rows kept so far.</summary>
    public int Count => _count;

    /// <summary>Whether as many rows as the capacity are kept already.</summary>
    public bool IsFull => _count == _scores.Length;

    /// <summary>The worst kept score (meaningful once full): a row must beat it to enter.</summary>
    public float Threshold => _scores[0];

    /// <summary>Offers a row; rows are offered in increasing index, so an equal score loses to the kept one.</summary>
    public void Offer(float score, int row)
    {
        if (_count < _scores.Length)
        {
            int i = _count++;
            // Sift up.
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Worse(score, row, _scores[parent], _rows[parent])) break;
                _scores[i] = _scores[parent];
                _rows[i] = _rows[parent];
                i = parent;
            }
            _scores[i] = score;
            _rows[i] = row;
            return;
        }
        if (!Worse(_scores[0], _rows[0], score, row)) return;
        SiftDownFromTop(score, row);
    }

    /// <summary>The kept rows, in no particular order.</summary>
    public ReadOnlySpan<int> Rows => _rows.AsSpan(0, _count);

    private void SiftDownFromTop(float score, int row)
    {
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Worse(_scores[child + 1], _rows[child + 1], _scores[child], _rows[child])) child++;
            if (!Worse(_scores[child], _rows[child], score, row)) break;
            _scores[i] = _scores[child];
            _rows[i] = _rows[child];
            i = child;
        }
        _scores[i] = score;
        _rows[i] = row;
    }

    // Larger score is worse; at equal score the larger row index is worse.
    private static bool Worse(float scoreA, int rowA, float scoreB, int rowB) =>
        scoreA > scoreB || (scoreA == scoreB && rowA > rowB);
}
