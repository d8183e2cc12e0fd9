using System.Reflection;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>Where a snapshot comes from: a live host (SSH or local), a saved directory, a saved probe output, or a built-in sample.</summary>
public static class SnapshotSources
{
    public static readonly string[] SampleNames = ["xenserver-6.5", "lab-debian", "xcp-ng-8.2-bios", "xcp-ng-8.2-bios-nosr"];

    public static async Task<ReadResult<HostSnapshot>> FromHostAsync(IHost host, CancellationToken ct = default) =>
        await HostProbe.TakeAsync(host, ct).ConfigureAwait(false);

    public static ReadResult<HostSnapshot> FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new FormatError(directory, FormatErrorKind.IoError, "is not a directory: give the DIR written by `xsraid snapshot --save DIR`");
        }

        return SnapshotStore.Load(new DirectoryFileTree(directory));
    }

    public static ReadResult<HostSnapshot> FromProbeOutput(string file)
    {
        if (!File.Exists(file))
        {
            return new FormatError(file, FormatErrorKind.IoError, "does not exist");
        }

        return ProbeOutputParser.Parse(File.ReadAllText(file));
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
}
