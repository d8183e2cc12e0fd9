namespace XsRaid.Hosts.Parsers;

/// <summary>A resync that is due but not running: the "resync=DELAYED" / "resync=PENDING" line.</summary>
public enum MdResyncWait
{
    /// <summary>"resync=DELAYED": waiting for another array on the same disks to finish.</summary>
    Delayed,

    /// <summary>"resync=PENDING": the array is (auto-)read-only; resync starts on the first write.</summary>
    Pending,
}
