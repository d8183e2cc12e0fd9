namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// What a name from a host may look like before it becomes a path in a snapshot directory or a device path: disk,
/// partition and command names are plain names (never "..", never a '/'), file paths are absolute with plain
/// segments, and no text holds a NUL (no Linux name or text file the probe reads can). Each check returns the
/// problem or null.
/// </summary>
public static class SnapshotNames
{
    private const int MaxNameLength = 128;

    /// <summary>sda, nvme0n1p2, md127, cciss!c0d0: letters, digits and . _ - + : ! @, not starting with '.'.</summary>
    public static string? DeviceNameProblem(string name) =>
        IsPlainName(name, "._-+:!@") ? null : $"'{Shown(name)}' is not a device name (letters, digits and . _ - + : ! @)";

    /// <summary>pvs, mdadm-detail-scan: letters, digits and . _ -, not starting with '.'.</summary>
    public static string? CommandNameProblem(string name) =>
        IsPlainName(name, "._-") ? null : $"'{Shown(name)}' is not a command name (letters, digits and . _ -)";

    /// <summary>An absolute path whose segments are plain (no empty, "." or ".." segment, no control character).</summary>
    public static string? FilePathProblem(string path) =>
        path.StartsWith('/') && path.Length > 1 && !path.Any(char.IsControl)
        && path[1..].Split('/').All(s => s.Length > 0 && s != "." && s != "..")
            ? null
            : $"'{Shown(path)}' is not an absolute path of plain names (no '..', no empty part, no control character)";

    public static string? TextProblem(string what, string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? $"{what} holds a NUL byte: not text" : null;

    /// <summary>A /dev/disk/by-id link: a plain name (no '/', no control character) pointing at a path.</summary>
    public static string? ByIdProblem(string name, string target) =>
        name.Length is 0 or > 255 || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsControl) || name is "." or ".."
        || target.Any(char.IsControl)
            ? $"by-id link '{Shown(name)}' -> '{Shown(target)}' is not a link name (no '/', no control character)"
            : null;

    private static bool IsPlainName(string name, string punctuation) =>
        name.Length is > 0 and <= MaxNameLength && name[0] != '.'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || punctuation.Contains(c, StringComparison.Ordinal));

    /// <summary>The name with control characters shown as \xNN, so an error message stays one line.</summary>
    private static string Shown(string name)
    {
        var clipped = name.Length > 60 ? name[..60] + "..." : name;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
    }
}
