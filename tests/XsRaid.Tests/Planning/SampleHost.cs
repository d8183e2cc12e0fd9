using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Tests.Planning;

/// <summary>A built-in sample snapshot, changed one fact at a time to exercise one safety rule.</summary>
public sealed record SampleHost(HostSnapshot Snapshot)
{
    public static SampleHost Load(string name) => new(SnapshotSources.FromSample(name).GetValueOrThrow());

    public SampleHost WithFile(string path, string? text)
    {
        var files = new Dictionary<string, string>(Snapshot.Files, StringComparer.Ordinal);
        if (text is null)
        {
            files.Remove(path);
        }
        else
        {
            files[path] = text;
        }

        return new(Snapshot with { Files = files });
    }

    public SampleHost AppendToFile(string path, string line) => WithFile(path, (Snapshot.File(path) ?? "") + line + "\n");

    public SampleHost WithMeta(string key, string value) =>
        new(Snapshot with { Meta = new Dictionary<string, string>(Snapshot.Meta, StringComparer.Ordinal) { [key] = value } });

    public SampleHost WithoutTool(string tool)
    {
        var tools = new Dictionary<string, string>(Snapshot.Tools, StringComparer.Ordinal);
        tools.Remove(tool);
        return new(Snapshot with { Tools = tools });
    }

    public SampleHost WithTool(string tool) =>
        new(Snapshot with { Tools = new Dictionary<string, string>(Snapshot.Tools, StringComparer.Ordinal) { [tool] = "/usr/sbin/" + tool } });

    public SampleHost WithCommand(string name, int exitCode, string output) =>
        new(Snapshot with
        {
            Commands = new Dictionary<string, CommandCapture>(Snapshot.Commands, StringComparer.Ordinal) { [name] = new(name, exitCode, output) },
        });

    public SampleHost WithDisk(string name, Func<SnapshotDisk, SnapshotDisk> change) =>
        new(Snapshot with { Disks = [.. Snapshot.Disks.Select(d => d.Name == name ? change(d) : d)] });

    /// <summary>Overwrites captured bytes of a disk at a byte offset (the region holding it must exist).</summary>
    public SampleHost WithBytes(string disk, long offset, byte[] bytes) => WithDisk(disk, d => d with
    {
        Regions = [.. d.Regions.Select(r =>
        {
            if (offset < r.Offset || offset + bytes.Length > r.End)
            {
                return r;
            }

            var copy = r.Bytes.ToArray();
            bytes.CopyTo(copy, offset - r.Offset);
            return r with { Bytes = copy };
        })],
    });

    /// <summary>
    /// The two disks trade kernel names (sda and sdb, as after a boot where they answered in the other order); / is
    /// then <paramref name="root"/> (the mirror, after the reboot).
    /// </summary>
    public SampleHost WithDisksSwapped(string root)
    {
        static string Swap(string name) =>
            name.StartsWith("sda", StringComparison.Ordinal) ? "sdb" + name[3..] : name.StartsWith("sdb", StringComparison.Ordinal) ? "sda" + name[3..] : name;

        var mounts = (Snapshot.File("/proc/mounts") ?? "").Replace("/dev/sda1 / ", root + " / ", StringComparison.Ordinal);
        return new SampleHost(Snapshot with
        {
            Disks = [.. Snapshot.Disks.Select(d => d with { Name = Swap(d.Name), Partitions = [.. d.Partitions.Select(p => p with { Name = Swap(p.Name) })] })
                .OrderBy(d => d.Name, StringComparer.Ordinal)],
        }).WithFile("/proc/mounts", mounts);
    }

    public PlanResult Plan(string target = "/dev/sdb", string metadata = "auto", bool wipe = false, bool createSr = false) =>
        ConvertPlanner.Plan(HostFactsReader.Read(Snapshot), new PlanOptions(target, metadata, wipe, createSr));
}
