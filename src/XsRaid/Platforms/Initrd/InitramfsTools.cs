namespace XsRaid.Platforms.Initrd;

/// <summary>Debian's initramfs-tools: mdadm in the initramfs assembles the arrays of mdadm.conf; it honours panic=.</summary>
public sealed class InitramfsTools : IInitrdTool
{
    public string Name => "initramfs-tools";

    public string FileName(string kernelVersion) => $"initrd.img-{kernelVersion}";

    public IReadOnlyList<string> Rebuild(string kernelVersion) => ["update-initramfs", "-u", "-k", kernelVersion];

    public IReadOnlyList<string> ContentCheck(string initrdPath) =>
        ["sh", "-c", "l=$(lsinitramfs \"$1\") && echo \"$l\" | grep -q 'raid1.ko' && echo \"$l\" | grep -q 'etc/mdadm/mdadm.conf'", "sh", initrdPath];

    /// <summary>initramfs-tools honours panic=: it reboots instead of dropping to a shell.</summary>
    public string FailedBootArguments => "panic=30";

    public IReadOnlyList<string> Tools { get; } = ["update-initramfs"];
}
