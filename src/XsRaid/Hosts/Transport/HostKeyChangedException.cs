namespace XsRaid.Hosts;

/// <summary>
/// The host presented a key that differs from every key known for it. ALWAYS refused: no option
/// overrides it, because this is what a man-in-the-middle looks like.
/// </summary>
public sealed class HostKeyChangedException : HostConnectionException
{
    public HostKeyChangedException(SshTarget target, HostKeyCheck check)
        : base(target.ToString(), Describe(target, check))
    {
        PresentedFingerprint = check.Presented.Fingerprint;
        KnownFingerprints = check.Lines.Select(l => l.Key.Fingerprint).ToList();
        KnownHostsFile = check.KnownHostsFile;
        KnownHostsLine = check.Lines.Count > 0 ? check.Lines[0].LineNumber : 0;
    }

    public string PresentedFingerprint { get; }

    public IReadOnlyList<string> KnownFingerprints { get; }

    public string KnownHostsFile { get; }

    /// <summary>1-based line of the first key known for the host.</summary>
    public int KnownHostsLine { get; }

    private static string Describe(SshTarget target, HostKeyCheck check)
    {
        var known = string.Join(", ", check.Lines.Select(l => $"{l.Key.KeyType} {l.Key.Fingerprint} ({check.KnownHostsFile} line {l.LineNumber})"));
        return $"the HOST KEY HAS CHANGED: the host presents {check.Presented.KeyType} {check.Presented.Fingerprint}, "
            + $"but the known key is {known}. Someone may be intercepting the connection, or the host was reinstalled. "
            + "xsraid never connects to a host whose key changed, whatever the options. If you know why it changed, "
            + $"remove the old key with `ssh-keygen -R '{KnownHosts.NameFor(target.Host, target.Port)}' -f {check.KnownHostsFile}` and connect again.";
    }
}
