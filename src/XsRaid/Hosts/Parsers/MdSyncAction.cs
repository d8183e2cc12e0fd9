namespace XsRaid.Hosts.Parsers;

/// <summary>The operation a /proc/mdstat progress line reports.</summary>
public enum MdSyncAction
{
    Resync,
    Recovery,
    Check,
    Repair,
    Reshape,
}
