namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Everything one probe saw on a host, immutable: text files by absolute path, tool paths, /dev/disk/by-id links,
/// disks with captured bytes, and command outputs. Parsed views are built from it, never the other way.
/// </summary>
public sealed record HostSnapshot(
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Tools,
    IReadOnlyDictionary<string, string> ByIdLinks,
    IReadOnlyList<SnapshotDisk> Disks,
    IReadOnlyDictionary<string, CommandCapture> Commands)
{
    public string? File(string path) => Files.GetValueOrDefault(path);

    public bool HasTool(string name) => Tools.ContainsKey(name);

    public SnapshotDisk? Disk(string nameOrPath) =>
        Disks.FirstOrDefault(d => d.Name == nameOrPath || d.DevicePath == nameOrPath);

    public string HostName => Meta.GetValueOrDefault("hostname", "unknown");
}
