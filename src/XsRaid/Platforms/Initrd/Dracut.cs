namespace XsRaid.Platforms.Initrd;

/// <summary>
/// dracut (XCP-ng 8.x, XenServer 7-8): /boot/initrd-KVER.img, rebuilt with `dracut -f` as the kernel package's
/// %posttrans does. The installer's RAID relies on `rd.auto` on the kernel line (the bootloader adds it); xsraid also
/// writes the md configuration the XCP-ng docs' software-RAID guide gives, so that the initrd carries mdadm.conf.
/// </summary>
public sealed class Dracut : IInitrdTool
{
    /// <summary>The file of the docs' guide (docs.xcp-ng.org guides/software-RAID-SR.md); an ISO upgrade drops it, rd.auto stays.</summary>
    public const string MdConfigPath = "/etc/dracut.conf.d/dracut_mdraid.conf";

    public string Name => "dracut";

    public string FileName(string kernelVersion) => $"initrd-{kernelVersion}.img";

    public IReadOnlyList<string> Rebuild(string kernelVersion) => ["dracut", "-f", "/boot/" + FileName(kernelVersion), kernelVersion];

    public IReadOnlyList<string> ContentCheck(string initrdPath) =>
        ["sh", "-c", "l=$(lsinitrd \"$1\") && echo \"$l\" | grep -q 'raid1.ko' && echo \"$l\" | grep -q 'etc/mdadm.conf'", "sh", initrdPath];

    /// <summary>
    /// No emergency shell (rd.shell=0) and reboot on a failed initrd (rd.emergency=reboot); panic= makes a dom0 kernel
    /// panic end in Xen rebooting the host (Xen reboots on a dom0 crash unless booted with noreboot).
    /// </summary>
    public string FailedBootArguments => "rd.shell=0 rd.emergency=reboot panic=30";

    public IReadOnlyList<string> Tools { get; } = ["dracut"];

    public ConfigFileRewrite? MdConfig { get; } = new(
        MdConfigPath,
        "# written by xsraid: / is on md127 (the XCP-ng docs' software-RAID guide)\n"
            + "mdadmconf=\"yes\"\n"
            + "add_dracutmodules+=\" mdraid \"\n"
            + "add_drivers+=\" md_mod raid1 \"\n",
        "dracut puts the mdraid module, raid1 and /etc/mdadm.conf into the initrd; rd.auto on the kernel line assembles md127 as on an installer RAID.");
}
