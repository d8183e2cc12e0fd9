namespace XsRaid.Tests.Hostile;

/// <summary>
/// The tests that start many CLI processes, build a gzip bomb or read hundreds of MiB: they run on their own, after
/// the parallel tests, so that their load never starves the timing-sensitive SSH tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileProcesses
{
    public const string Name = "hostile processes";
}
