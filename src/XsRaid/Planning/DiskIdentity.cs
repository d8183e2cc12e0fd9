namespace XsRaid.Planning;

/// <summary>How a disk is recognised again later: the plan records it and `convert` refuses if it changed.</summary>
public sealed record DiskIdentity(
    string Device,
    long SizeBytes,
    int LogicalSectorSize,
    string? Model,
    string? Serial,
    string? Wwid,
    IReadOnlyList<string> ByIdNames)
{
    /// <summary>The most specific name: a by-id name with the serial, else the WWN, else the device.</summary>
    public string BestName =>
        ByIdNames.FirstOrDefault(n => !n.StartsWith("wwn-", StringComparison.Ordinal) && !n.Contains("-part", StringComparison.Ordinal))
        ?? ByIdNames.FirstOrDefault(n => !n.Contains("-part", StringComparison.Ordinal))
        ?? Device;

    /// <summary>The /dev/disk/by-id name the disk is followed by across kernel renames: its first own one (not a partition's).</summary>
    public string? IdName => ByIdNames.FirstOrDefault(n => !n.Contains("-part", StringComparison.Ordinal));
}
