namespace Genrify.Cluster.Jobs;

/// <summary>A song of a job that produced no row, and why (the file and the reason, as <c>extract</c> lists them).</summary>
[GenerateSerializer, Immutable]
public sealed record SkippedSong([property: Id(0)] string File, [property: Id(1)] string Reason);
