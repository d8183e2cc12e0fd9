using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms;

/// <summary>
/// The host as the planner sees it, resolved once from the host facts: OS family, initrd tool, bootloader (with the
/// text of its config as the host has it), firmware and disk layout. Step builders ask the profile; they never test a
/// platform, a bootloader kind or a partition number.
/// </summary>
public sealed record HostProfile(IOsFamily Os, IBootloader Boot, Firmware Firmware, DiskLayout Layout, string BootConfig)
{
    public IInitrdTool Initrd => Os.Initrd;

    /// <summary>"XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd)".</summary>
    public string DisplayName =>
        $"{Os.Name} ({string.Join(", ", new[] { Os.Base, Boot.Name, Initrd.Name }.OfType<string>())})";

    /// <summary>Tools that must exist on the host for the plan to run.</summary>
    public IReadOnlyList<string> Tools => [.. Os.DiskTools, .. Boot.Tools, .. Initrd.Tools, .. Os.CopyTools];
}
