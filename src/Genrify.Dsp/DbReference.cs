namespace Genrify.Dsp;

/// <summary>The reference of a dB conversion: a fixed value (librosa's <c>ref=1.0</c>) or the input's maximum (<c>ref=np.max</c>).</summary>
public readonly record struct DbReference
{
    private DbReference(float value, bool useMax)
    {
        Value = value;
        UseMax = useMax;
    }

    /// <summary>The fixed reference (its absolute value is used, as librosa does); ignored when <see cref="UseMax"/>.</summary>
    public float Value { get; }

    /// <summary>Use the maximum of the input's magnitude (librosa <c>ref=np.max</c>).</summary>
    public bool UseMax { get; }

    /// <summary><c>ref=np.max</c>.</summary>
    public static DbReference Max => new(0f, true);

    /// <summary>A fixed reference value.</summary>
    public static DbReference Fixed(float value) => new(value, false);

    /// <summary>A fixed reference value.</summary>
    public static implicit operator DbReference(float value) => Fixed(value);
}
