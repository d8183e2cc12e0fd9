namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Writes a directory as a whole: into a temporary sibling first, then renamed into place, so a reader never sees
/// a half-written directory and two snapshots never mix. An existing target is replaced only when it is empty, or
/// when <c>replace</c> is given and <c>isReplaceable</c> says it is one of ours (then it is swapped out whole).
/// </summary>
public static class AtomicDirectory
{
    /// <param name="target">The directory to create or replace.</param>
    /// <param name="replace">Replace a non-empty directory that <paramref name="isReplaceable"/> accepts.</param>
    /// <param name="isReplaceable">Whether an existing non-empty directory may be replaced, and what it must be when not.</param>
    /// <param name="writeInto">Writes the content into the given (temporary) directory.</param>
    public static SaveProblem? Write(string target, bool replace, Func<string, bool> isReplaceable, string replaceableName, Action<string> writeInto)
    {
        var full = FullPath(target);
        var refusal = CheckTarget(target, full, replace, isReplaceable, replaceableName);
        if (refusal is not null)
        {
            return refusal;
        }

        var parent = Path.GetDirectoryName(full) ?? full;
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.xsraid-new-{Guid.NewGuid():N}");
        string? old = null;
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
            writeInto(temp);
            if (Directory.Exists(full))
            {
                old = Path.Combine(parent, $".{Path.GetFileName(full)}.xsraid-old-{Guid.NewGuid():N}");
                Directory.Move(full, old);
            }

            Directory.Move(temp, full);
            if (old is not null)
            {
                Directory.Delete(old, recursive: true);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            if (old is not null && !Directory.Exists(full) && Directory.Exists(old))
            {
                Directory.Move(old, full);
            }

            return new SaveProblem($"{target}: could not be written: {e.Message}", Refused: false);
        }
    }

    /// <summary>What <see cref="Write"/> would refuse, checked before the content is even produced.</summary>
    public static SaveProblem? Check(string target, bool replace, Func<string, bool> isReplaceable, string replaceableName) =>
        CheckTarget(target, FullPath(target), replace, isReplaceable, replaceableName);

    private static string FullPath(string target) => Path.GetFullPath(target.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : target);

    private static SaveProblem? CheckTarget(string target, string full, bool replace, Func<string, bool> isReplaceable, string replaceableName)
    {
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null || (File.Exists(full) && new FileInfo(full).LinkTarget is not null))
        {
            return new SaveProblem($"{target} is a symbolic link: give the directory itself", Refused: true);
        }

        if (File.Exists(full))
        {
            return new SaveProblem($"{target} exists and is a file, not a directory: nothing was written", Refused: true);
        }

        if (!info.Exists || !info.EnumerateFileSystemInfos().Any())
        {
            return null;
        }

        if (!isReplaceable(full))
        {
            return new SaveProblem($"{target} is not empty and is not {replaceableName}: nothing was written (choose an empty or new directory)", Refused: true);
        }

        return replace
            ? null
            : new SaveProblem($"{target} already holds {replaceableName}: nothing was written (--force replaces it as a whole)", Refused: true);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left behind as a hidden .xsraid-new-* directory
        }
    }
}
