namespace XsRaid.Hosts;

/// <summary>
/// The answer of <see cref="KnownHosts.Lookup"/>: the status, the presented key, and the lines behind the answer
/// (Known: the matching lines; Changed: the lines with the other keys; Revoked: the @revoked lines; Unknown: none).
/// </summary>
public sealed record HostKeyCheck(HostKeyStatus Status, SshPublicKey Presented, IReadOnlyList<KnownHostsEntry> Lines, string KnownHostsFile);
