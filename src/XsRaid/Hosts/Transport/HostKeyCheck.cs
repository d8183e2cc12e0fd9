namespace XsRaid.Hosts;

/// <summary>
/// The answer of <see cref="KnownHosts.Lookup"/>: the status, the presented key, and the lines behind the answer
/// (Known: the matching lines; Changed: the lines with the other key of that kind; Revoked: the @revoked line;
/// Unknown: lines with keys of other kinds for this host, possibly none).
/// </summary>
public sealed record HostKeyCheck(HostKeyStatus Status, SshPublicKey Presented, IReadOnlyList<KnownHostsEntry> Lines, string KnownHostsFile);
