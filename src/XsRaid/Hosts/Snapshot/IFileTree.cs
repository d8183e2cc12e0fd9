using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>Read-only files by relative path ("disks/sda/sys.txt"): a directory on disk, or embedded samples.</summary>
public interface IFileTree
{
    string Name { get; }

    /// <summary>Relative paths (with '/') of every file under <paramref name="prefix"/>.</summary>
    IEnumerable<string> List(string prefix);

    /// <summary>
    /// The file's bytes; <see cref="FormatErrorKind.NotPresent"/> when there is no such file, another error when it
    /// cannot be read within the limits of <see cref="InputLimits"/> or names a path outside the tree.
    /// </summary>
    ReadResult<byte[]> ReadBytes(string relativePath);
}
