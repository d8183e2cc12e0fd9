using System.Reflection;
using XsRaid.Devices;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Where a snapshot comes from: a live host (SSH or local), a saved directory, a saved probe output, or a built-in
/// sample. Whatever the source, reading it stays within <see cref="InputLimits"/>, and a snapshot without a single
/// disk is an error (there is nothing to inspect or plan).
/// </summary>
public static class SnapshotSources
{
    public static readonly string[] SampleNames = ["xenserver-6.5", "lab-debian", "xcp-ng-8.2-bios", "xcp-ng-8.2-bios-nosr", "xenserver-6.5-sr", "xcp-ng-8.3-uefi"];

    public static async Task<ReadResult<HostSnapshot>> FromHostAsync(IHost host, CancellationToken ct = default) =>
        RequireDisks(host.Name, await HostProbe.TakeAsync(host, ct).ConfigureAwait(false));

    public static ReadResult<HostSnapshot> FromDirectory(string directory)
    {
        var tree = DirectoryFileTree.Open(directory);
        return tree.IsOk ? RequireDisks(directory, SnapshotStore.Load(tree.Value)) : tree.Error;
    }

    /// <summary>A regular file (a symlink to one is fine; a FIFO or device is refused) of at most <see cref="InputLimits.ProbeOutputBytes"/>.</summary>
    public static ReadResult<HostSnapshot> FromProbeOutput(string file)
    {
        var bytes = BoundedFile.Read(file, InputLimits.ProbeOutputBytes, "probe output", followSymlink: true);
        return bytes.IsOk ? RequireDisks(file, ProbeOutputParser.Parse(bytes.Value)) : bytes.Error;
    }

    public static ReadResult<HostSnapshot> FromSample(string name)
    {
        var tree = new EmbeddedFileTree(Assembly.GetExecutingAssembly(), "samples/" + name);
        if (!SampleNames.Contains(name) || tree.IsEmpty)
        {
            return new FormatError(name, FormatErrorKind.NotPresent, $"is not a built-in sample (samples: {string.Join(", ", SampleNames)})");
        }

        return SnapshotStore.Load(tree);
    }

    private static ReadResult<HostSnapshot> RequireDisks(string source, ReadResult<HostSnapshot> snapshot) =>
        snapshot.IsOk && snapshot.Value.Disks.Count == 0
            ? FormatError.NotPresent(source, "holds no disk (no @@sys section, no disks/ directory): there is nothing to inspect or plan")
            : snapshot;
}
