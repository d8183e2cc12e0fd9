namespace XsRaid.Hosts;

/// <summary>The host presented a key that the known_hosts file marks @revoked: always refused.</summary>
public sealed class HostKeyRevokedException : HostConnectionException
{
    public HostKeyRevokedException(SshTarget target, HostKeyCheck check)
        : base(target.ToString(), $"the host presents {check.Presented.KeyType} {check.Presented.Fingerprint}, which "
            + $"{check.KnownHostsFile} line {check.Lines[0].LineNumber} marks @revoked. xsraid refuses a revoked key; give the "
            + "host a new key or find out why it was revoked.")
    {
        Fingerprint = check.Presented.Fingerprint;
    }

    public string Fingerprint { get; }
}
