namespace XsRaid.Hosts.Parsers;

/// <summary>The state word(s) after "mdN :" in /proc/mdstat.</summary>
public enum MdstatArrayState
{
    /// <summary>"active": running read-write.</summary>
    Active,

    /// <summary>"active (read-only)".</summary>
    ActiveReadOnly,

    /// <summary>"active (auto-read-only)": assembled with start_ro, turns read-write on the first write.</summary>
    ActiveAutoReadOnly,

    /// <summary>"inactive": members gathered but the array is not running (no level is shown).</summary>
    Inactive,
}
