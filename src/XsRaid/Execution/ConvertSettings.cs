namespace XsRaid.Execution;

/// <summary>How `convert` runs: where the local journal goes, how long the reboot may take, whether to wait for the resync.</summary>
public sealed record ConvertSettings(string JournalPath)
{
    public static readonly TimeSpan DefaultRebootTimeout = TimeSpan.FromSeconds(900);

    /// <summary>How long the host may take to go down and come back after the reboot command.</summary>
    public TimeSpan RebootTimeout { get; init; } = DefaultRebootTimeout;

    /// <summary>Return once the original disk's partitions were added, without waiting for the resync.</summary>
    public bool NoWait { get; init; }

    /// <summary>How often progress (copy, resync) is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Limit for each command of a step (the resync wait has none).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Where the host's /dev/disk/by-id names are (the disks are followed by them across renames).</summary>
    public string ByIdDirectory { get; init; } = DiskLocator.ByIdDirectory;

    /// <summary>The host's pid file of the step command that runs (see <see cref="StepCommandTracker"/>).</summary>
    public string StepPidFile { get; init; } = StepCommandTracker.DefaultPidFile;

    /// <summary>Where the host keeps plan.json and journal.jsonl.</summary>
    public HostStateLocation HostState { get; init; } = HostStateLocation.Default;
}
