namespace Genrify.Cluster.Jobs;

/// <summary>One worker slot of one silo, as the job grain knows the holder of a lease.</summary>
/// <param name="Silo">The silo's address (as Orleans writes it), so a lease dies with its silo.</param>
/// <param name="Slot">The slot number within the silo.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerId([property: Id(0)] SiloAddress Silo, [property: Id(1)] int Slot)
{
    /// <inheritdoc />
    public override string ToString() => $"{Silo}#{Slot}";
}
