namespace XsRaid.Platforms.Initrd;

/// <summary>
/// CentOS 5's mkinitrd: a gzip cpio whose nash init script loads raid1 and autoruns the 0.90 arrays on Linux RAID
/// partitions; it honours panic=.
/// </summary>
public sealed class MkinitrdNash : IInitrdTool
{
    public string Name => "mkinitrd";

    public string FileName(string kernelVersion) => $"initrd-{kernelVersion}.img";

    public IReadOnlyList<string> Rebuild(string kernelVersion) =>
        ["mkinitrd", "-f", "--with=raid1", "/boot/" + FileName(kernelVersion), kernelVersion];

    public IReadOnlyList<string> ContentCheck(string initrdPath) =>
        ["sh", "-c", "zcat \"$1\" | cpio -t 2>/dev/null | grep -q 'raid1.ko' && zcat \"$1\" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun", "sh", initrdPath];

    public string FailedBootArguments => "panic=30";

    public IReadOnlyList<string> Tools { get; } = ["mkinitrd"];
}
