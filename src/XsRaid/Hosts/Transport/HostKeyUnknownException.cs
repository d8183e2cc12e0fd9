namespace XsRaid.Hosts;

/// <summary>The known_hosts file has no key of this kind for the host and accepting new keys was not asked for.</summary>
public sealed class HostKeyUnknownException : HostConnectionException
{
    public HostKeyUnknownException(SshTarget target, HostKeyCheck check)
        : base(target.ToString(), Describe(target, check))
    {
        Fingerprint = check.Presented.Fingerprint;
        KnownHostsFile = check.KnownHostsFile;
    }

    /// <summary>"SHA256:..." of the key the host presented.</summary>
    public string Fingerprint { get; }

    public string KnownHostsFile { get; }

    private static string Describe(SshTarget target, HostKeyCheck check)
    {
        var key = check.Presented;
        var kind = ShortKind(key);
        var port = target.Port == SshTarget.DefaultPort ? "" : $"-p {target.Port} ";
        var type = kind is null ? "" : $"-t {kind} ";
        return $"the host key is not known: {key.KeyType} key {key.Fingerprint} is not in {check.KnownHostsFile}. "
            + $"Compare it with `ssh-keygen -lf /etc/ssh/ssh_host_{kind ?? "*"}_key.pub` on the host's console, then run "
            + $"again with --accept-new-host-key, or add it with `ssh-keyscan {port}{type}{target.Host} >> {check.KnownHostsFile}`.";
    }

    // The names ssh-keyscan -t and the /etc/ssh/ssh_host_*_key files use.
    private static string? ShortKind(SshPublicKey key) => key.KeyType switch
    {
        "ssh-ed25519" => "ed25519",
        "ssh-rsa" => "rsa",
        _ when key.KeyType.StartsWith("ecdsa-", StringComparison.Ordinal) => "ecdsa",
        _ => null,
    };
}
