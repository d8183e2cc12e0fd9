namespace XsRaid.Execution;

/// <summary>The condition of an md array as /proc/mdstat shows it.</summary>
public enum ArrayHealthState
{
    /// <summary>Every member present and in sync, nothing running.</summary>
    Clean,

    /// <summary>A member is missing or failed and nothing is rebuilding it.</summary>
    Degraded,

    /// <summary>Initial or post-crash sync of the members.</summary>
    Resyncing,

    /// <summary>A member (re-)added and being rebuilt.</summary>
    Recovering,

    /// <summary>A resync is due but waits (another array on the same disks syncs first, or the array is read-only).</summary>
    Waiting,

    /// <summary>A check or repair pass, or a reshape.</summary>
    Checking,

    /// <summary>Members gathered but the array is not running.</summary>
    Inactive,
}
