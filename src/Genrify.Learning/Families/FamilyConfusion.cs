namespace Genrify.Learning;

/// <summary>How the songs of one family were called: right, another genre of the same family, or a genre outside it.</summary>
/// <param name="Family">The family (a root of the taxonomy).</param>
/// <param name="Genres">The model's genres in the family.</param>
/// <param name="Songs">Out-of-fold predictions of songs whose genre is in the family.</param>
/// <param name="Right">Those predicted as their own genre.</param>
/// <param name="WithinFamily">Those predicted as another genre of the same family.</param>
/// <param name="OutsideFamily">Those predicted as a genre of another family.</param>
public sealed record FamilyConfusion(string Family, IReadOnlyList<string> Genres, int Songs, int Right, int WithinFamily, int OutsideFamily);
