namespace Genrify.Cluster.Grains;

/// <summary>A work item held by a worker until it reports the item done, gives it back, or its silo dies.</summary>
/// <param name="Silo">The holder's silo (Orleans' parsable form), so the lease outlives the job grain's activation.</param>
/// <param name="Slot">The holder's slot within its silo.</param>
[GenerateSerializer]
public sealed record JobLease([property: Id(0)] string Silo, [property: Id(1)] int Slot);
