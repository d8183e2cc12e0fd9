namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One LABEL block of extlinux.conf, from its LABEL line up to the next LABEL, with what it boots.
/// For a plain Linux entry <see cref="LinuxKernel"/> is the KERNEL/LINUX file and
/// <see cref="LinuxArguments"/> the APPEND line. For "KERNEL mboot.c32" (XenServer) the APPEND is
/// "xen.gz args --- vmlinuz dom0-args --- initrd": <see cref="Hypervisor"/> is the first part, the dom0
/// kernel and its arguments are the second, the initrd the third. <see cref="Initrd"/> is an INITRD line,
/// an initrd= argument, or that third part.
/// </summary>
public sealed record ExtlinuxEntry
{
    public required string Label { get; init; }

    public required IReadOnlyList<ExtlinuxLine> Lines { get; init; }

    public string? Kernel { get; init; }

    public string? Append { get; init; }

    public string? MenuLabel { get; init; }

    public string? Initrd { get; init; }

    public MultibootModule? Hypervisor { get; init; }

    public IReadOnlyList<MultibootModule> Modules { get; init; } = [];

    public string? LinuxKernel { get; init; }

    public KernelCommandLine? LinuxArguments { get; init; }

    public bool IsMultiboot => Hypervisor is not null;

    /// <summary>The dom0 / Linux root= value, wherever it lies in the APPEND line.</summary>
    public string? Root => LinuxArguments?.Root;
}
