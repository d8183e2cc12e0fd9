namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One menuentry of a GRUB2 grub.cfg. <see cref="Submenus"/> are the titles of the submenus it sits in.
/// A Linux entry has a "linux" line (<see cref="LinuxKernel"/>, <see cref="LinuxArguments"/>) and an
/// "initrd" line; a Xen entry (XenServer 7+, XCP-ng) has "multiboot2 /boot/xen.gz ..." (<see cref="Hypervisor"/>)
/// and "module2" lines, the first being the dom0 kernel and its arguments, the second the initrd.
/// <see cref="SearchLabel"/> is the label of "search --label --set root LABEL" when present.
/// </summary>
public sealed record GrubMenuEntry
{
    public required string Title { get; init; }

    public IReadOnlyList<string> Submenus { get; init; } = [];

    public required int FirstLine { get; init; }

    public int LastLine { get; init; }

    public MultibootModule? Hypervisor { get; init; }

    public IReadOnlyList<MultibootModule> Modules { get; init; } = [];

    public string? LinuxKernel { get; init; }

    public KernelCommandLine? LinuxArguments { get; init; }

    public string? Initrd { get; init; }

    public string? SearchLabel { get; init; }

    public string? Root => LinuxArguments?.Root;
}
