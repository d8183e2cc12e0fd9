using XsRaid.Hosts.Snapshot;

namespace XsRaid.Cli.Rendering;

/// <summary>What `xsraid snapshot --json` prints: where the snapshot went and what it holds.</summary>
public sealed record SnapshotSaved(
    string HostName,
    string Directory,
    bool Compressed,
    int DiskCount,
    int FileCount,
    IReadOnlyList<string> Disks,
    IReadOnlyList<UnreadableDisk> UnreadableDisks)
{
    public static SnapshotSaved Of(HostSnapshot snapshot, string directory, bool compressed) => new(
        snapshot.HostName,
        Path.GetFullPath(directory),
        compressed,
        snapshot.Disks.Count,
        snapshot.Files.Count,
        [.. snapshot.Disks.Select(d => d.DevicePath)],
        [.. snapshot.Disks.Where(d => d.UnreadableReason is not null).Select(d => new UnreadableDisk(d.DevicePath, d.UnreadableReason!))]);
}

/// <summary>A disk the probe could not read, and why.</summary>
public sealed record UnreadableDisk(string Device, string Reason);
