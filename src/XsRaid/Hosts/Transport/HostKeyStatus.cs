namespace XsRaid.Hosts;

/// <summary>What a known_hosts file says about the key a host presented.</summary>
public enum HostKeyStatus
{
    /// <summary>A line for this host holds exactly this key.</summary>
    Known,

    /// <summary>No usable line names this host at all.</summary>
    Unknown,

    /// <summary>Lines for this host hold other keys but none holds this one: never accepted.</summary>
    Changed,

    /// <summary>An @revoked line for this host holds this key: never accepted.</summary>
    Revoked,
}
