namespace Genrify.Cluster.Grains;

/// <summary>The persisted list of jobs with work left.</summary>
internal sealed class JobBoardGrain([PersistentState("board", ClusterStorage.Name)] IPersistentState<JobBoardState> state)
    : Grain, IJobBoardGrain
{
    public async Task Add(string jobId)
    {
        if (state.State.Jobs.Contains(jobId)) return;
        state.State.Jobs.Add(jobId);
        await state.WriteStateAsync();
    }

    public async Task Remove(string jobId)
    {
        if (state.State.Jobs.Remove(jobId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> Active() => Task.FromResult<IReadOnlyList<string>>(state.State.Jobs.ToArray());
}
