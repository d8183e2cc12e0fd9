namespace XsRaid.Hosts;

/// <summary>What a known_hosts file says about the key a host presented.</summary>
public enum HostKeyStatus
{
    /// <summary>A line for this host holds exactly this key.</summary>
    Known,

    /// <summary>No line for this host holds a key of this kind (keys of other kinds may be known).</summary>
    Unknown,

    /// <summary>A line for this host holds a different key of the same kind: never accepted.</summary>
    Changed,

    /// <summary>An @revoked line for this host holds this key: never accepted.</summary>
    Revoked,
}
