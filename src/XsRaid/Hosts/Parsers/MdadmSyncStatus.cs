namespace XsRaid.Hosts.Parsers;

/// <summary>"Rebuild Status : 3% complete": mdadm prints whole percent, rounded down.</summary>
public sealed record MdadmSyncStatus(MdadmSyncKind Kind, int Percent);
