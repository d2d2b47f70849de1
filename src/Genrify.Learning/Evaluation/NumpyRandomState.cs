namespace Genrify.Learning;

/// <summary>
/// numpy's legacy <c>RandomState(seed)</c> (Mersenne Twister MT19937) and its <c>shuffle</c>, so that a seeded
/// split draws exactly the folds scikit-learn draws for <c>random_state=seed</c>: our accuracies are then
/// measured on the very folds of the scikit-learn reference figures.
/// </summary>
internal sealed class NumpyRandomState
{
    private const int N = 624, M = 397;
    private readonly uint[] _state = new uint[N];
    private int _position;

    /// <summary>Seeds as numpy's <c>RandomState(seed)</c> for an integer seed (Knuth's initialisation).</summary>
    public NumpyRandomState(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _position = N;
    }

    /// <summary>The next 32-bit output (genrand_int32 with tempering).</summary>
    public uint NextUInt32()
    {
        if (_position >= N) Twist();
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, max] by masked rejection, as numpy's <c>random_interval</c> (max &lt; 2^32).</summary>
    public uint Interval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    /// <summary>In-place Fisher–Yates from the end, as numpy's legacy <c>RandomState.shuffle</c> of a 1-d array.</summary>
    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_state[i] & 0x80000000u) | (_state[(i + 1) % N] & 0x7fffffffu);
            _state[i] = _state[(i + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
        }
        _position = 0;
    }
}
