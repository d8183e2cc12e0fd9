namespace XsRaid.Hosts.Snapshot;

/// <summary>Read-only files by relative path ("disks/sda/sys.txt"): a directory on disk, or embedded samples.</summary>
public interface IFileTree
{
    string Name { get; }

    /// <summary>Relative paths (with '/') of every file under <paramref name="prefix"/>.</summary>
    IEnumerable<string> List(string prefix);

    byte[]? ReadBytes(string relativePath);
}
