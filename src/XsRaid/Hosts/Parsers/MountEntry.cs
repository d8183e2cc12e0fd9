namespace XsRaid.Hosts.Parsers;

/// <summary>One line of /proc/mounts (or /etc/mtab), with octal escapes decoded.</summary>
public sealed record MountEntry(
    string Device,
    string MountPoint,
    string FsType,
    IReadOnlyList<string> Options,
    int Dump,
    int Pass)
{
    public bool IsReadOnly => Options.Contains("ro", StringComparer.Ordinal);
}
