// Torch's random generator and thread count are process-wide: tests that train must not run concurrently,
// or one test's draws would change another's (and the same-seed test would fail for the wrong reason).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
