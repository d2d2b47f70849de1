namespace Genrify.Learning;

/// <summary>Accuracy at one level of a taxonomy: a prediction counts when it and the truth share their ancestor at that level.</summary>
/// <param name="Level">0 for the family; the last level is the genre itself.</param>
/// <param name="Name">"family", "genre", or "level N" between them.</param>
/// <param name="Correct">Out-of-fold predictions right at this level.</param>
/// <param name="Total">Out-of-fold predictions.</param>
public readonly record struct LevelAccuracy(int Level, string Name, int Correct, int Total)
{
    /// <summary>Share right at this level (0..1).</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;
}
