namespace Genrify.Explore;

/// <summary>How much one feature, or one group of features, carries a decision (see <see cref="FeatureAttribution"/>).</summary>
/// <param name="Name">The feature's name, or the group's.</param>
/// <param name="Delta">The class probability minus its average with the feature replaced by background values:
/// positive when the song's value speaks for the class, negative when it speaks against it.</param>
/// <param name="SongValue">The song's value of the feature; null for a group of several features.</param>
/// <param name="BackgroundValue">The average background value the feature was replaced by; null for a group of several features.</param>
public sealed record FeatureContribution(string Name, double Delta, double? SongValue, double? BackgroundValue);
