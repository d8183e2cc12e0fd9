using XsRaid.Devices;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// A snapshot directory written by `xsraid snapshot --save`. It is walked once when opened: it must hold only
/// directories and regular files (no symbolic link, FIFO or device), within the entry, depth and size limits of
/// <see cref="InputLimits"/>. Only the files found then are served, by a relative path that stays inside it.
/// </summary>
public sealed class DirectoryFileTree : IFileTree
{
    private readonly string _root;
    private readonly SortedSet<string> _files;

    private DirectoryFileTree(string root, SortedSet<string> files)
    {
        _root = root;
        _files = files;
    }

    public string Name => _root;

    /// <summary>Walks <paramref name="root"/>; a symlink, special file or limit exceeded is an error naming it.</summary>
    public static ReadResult<DirectoryFileTree> Open(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            return new FormatError(root, FormatErrorKind.IoError, "is not a directory: give the DIR written by `xsraid snapshot --save DIR`");
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        var problem = Walk(full, full, 0, files, new WalkTotals());
        return problem is null ? new DirectoryFileTree(full, files) : new FormatError(full, FormatErrorKind.IoError, problem);
    }

    public IEnumerable<string> List(string prefix) =>
        _files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal));

    public ReadResult<byte[]> ReadBytes(string relativePath)
    {
        if (!IsInside(relativePath))
        {
            return FormatError.Corrupt(_root, $"names '{relativePath}', a path outside the snapshot directory (absolute, or with '..')");
        }

        if (!_files.Contains(relativePath))
        {
            return FormatError.NotPresent(_root, $"has no {relativePath}");
        }

        return BoundedFile.Read(Path.Combine(_root, relativePath), InputLimits.SnapshotFileBytes, "a snapshot file", followSymlink: false);
    }

    /// <summary>A relative path of plain names: not rooted, no empty, "." or ".." segment, no backslash or NUL.</summary>
    public static bool IsInside(string relativePath) =>
        relativePath.Length > 0 && !relativePath.StartsWith('/') && relativePath.IndexOfAny(['\\', '\0']) < 0
        && relativePath.Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    private static string? Walk(string root, string dir, int depth, SortedSet<string> files, WalkTotals totals)
    {
        if (depth > InputLimits.SnapshotDepth)
        {
            return $"{Path.GetRelativePath(root, dir)} is nested deeper than the limit of {InputLimits.SnapshotDepth} directories";
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Path.GetRelativePath(root, dir)} cannot be listed: {e.Message}";
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (++totals.Entries > InputLimits.SnapshotEntries)
            {
                return $"holds more than the limit of {InputLimits.SnapshotEntries} files and directories";
            }

            if (entry.LinkTarget is not null)
            {
                return $"{relative} is a symbolic link; a snapshot holds only directories and regular files";
            }

            var kind = FileKindProbe.Of(entry.FullName);
            if (kind == FileKind.Directory)
            {
                var problem = Walk(root, entry.FullName, depth + 1, files, totals);
                if (problem is not null)
                {
                    return problem;
                }

                continue;
            }

            if (kind != FileKind.Regular)
            {
                return $"{relative} is a {FileKindProbe.Describe(kind)}; a snapshot holds only directories and regular files";
            }

            totals.Bytes += new FileInfo(entry.FullName).Length;
            if (totals.Bytes > InputLimits.SnapshotTotalBytes)
            {
                return $"holds more than the limit of {InputLimits.Describe(InputLimits.SnapshotTotalBytes)} for a whole snapshot";
            }

            files.Add(relative);
        }

        return null;
    }

    private sealed class WalkTotals
    {
        public int Entries { get; set; }

        public long Bytes { get; set; }
    }
}
