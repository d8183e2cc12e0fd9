namespace XsRaid.Hosts;

/// <summary>The optional marker that starts a known_hosts line (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT").</summary>
public enum KnownHostsMarker
{
    None,

    /// <summary>"@revoked": the key must never be accepted for the matching hosts.</summary>
    Revoked,

    /// <summary>"@cert-authority": a CA for host certificates; xsraid does not use host certificates and ignores it.</summary>
    CertAuthority,
}
