using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Where xsraid keeps its state on the host: <see cref="Directory"/> (plan.json, journal.jsonl) on the running root,
/// and the same path under each of <see cref="ExtraRoots"/> while it is a mount point (the new root during phase 1).
/// </summary>
public sealed record HostStateLocation(string Directory, IReadOnlyList<string> ExtraRoots)
{
    public const string DefaultDirectory = "/var/lib/xsraid";

    public static HostStateLocation Default { get; } = new(DefaultDirectory, [PlanContext.NewRootMount]);
}
