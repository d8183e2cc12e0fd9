namespace XsRaid.Hosts;

/// <summary>
/// How to reach and trust an SSH host. <paramref name="IdentityFile"/> null means the OpenSSH defaults
/// (~/.ssh/id_ed25519, id_rsa, id_ecdsa). <paramref name="AcceptNewHostKey"/> records a host key that
/// <paramref name="KnownHostsFile"/> does not know yet (never one that differs from a known key); the line
/// is written hashed when <paramref name="HashKnownHosts"/> is set, plain otherwise.
/// </summary>
public sealed record SshOptions(
    SshTarget Target,
    string? IdentityFile,
    string KnownHostsFile,
    bool AcceptNewHostKey,
    TimeSpan ConnectTimeout,
    TimeSpan DefaultCommandTimeout,
    bool HashKnownHosts = false);
