using XsRaid.Planning;
using XsRaid.Platforms.OsFamilies;

namespace XsRaid.Platforms;

/// <summary>
/// Resolves the host profile once from the host facts: the OS family, the bootloader whose config the host has, the
/// firmware and the layout; or the refusals that say why xsraid cannot convert this host.
/// </summary>
public static class ProfileResolver
{
    public static (HostProfile? Profile, IReadOnlyList<Refusal> Refusals) Resolve(HostFacts facts) =>
        OsFamilyCatalog.For(facts.Platform) is { } os
            ? Resolve(facts, os)
            : (null, [new Refusal(
                RuleIds.UnsupportedPlatform,
                $"the host runs {facts.PlatformName}, which xsraid cannot convert yet (supported: XenServer 6.x, Debian with extlinux).",
                facts.Platform is PlatformId.XenServer7Plus or PlatformId.XcpNg
                    ? "XenServer 7+/XCP-ng (GRUB2) support is planned; until then XCP-ng's installer can set up RAID1 on a fresh install."
                    : "Convert the host by hand, or ask for its platform to be supported.")]);

    /// <summary>The profile of a host of the given family (a family not in the catalog can be resolved too).</summary>
    public static (HostProfile? Profile, IReadOnlyList<Refusal> Refusals) Resolve(HostFacts facts, IOsFamily os)
    {
        var refusals = new List<Refusal>();
        var firmware = facts.Uefi ? Firmware.Uefi : Firmware.Bios;
        if (firmware == Firmware.Uefi)
        {
            refusals.Add(new Refusal(RuleIds.UefiNotSupported, $"the host booted through UEFI; xsraid mirrors BIOS ({Names(os)}) boots only.",
                "Boot the host in legacy BIOS mode, or convert it by hand."));
        }

        var boot = os.Bootloaders.FirstOrDefault(b => b.IsOn(facts.Snapshot));
        if (boot is null)
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedBootloader,
                $"the host boots with {(facts.Bootloader == BootloaderKind.None ? "no bootloader xsraid recognises" : facts.Bootloader.ToString())} "
                + $"(no {string.Join(" or ", os.Bootloaders.Select(b => $"{b.Name} config at {b.ConfigPath}"))}).",
                $"xsraid handles {Names(os)} on {os.Name}; GRUB2 support is planned."));
        }

        if (os.Layout.Scope != Layouts.MirrorScope.PerPartition)
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedLayout, $"{os.Layout.Description} is mirrored as one whole-disk array, which xsraid does not plan yet.",
                "Convert this layout by hand."));
        }

        return refusals.Count > 0 || boot is null
            ? (null, refusals)
            : (new HostProfile(os, boot, firmware, os.Layout, facts.Snapshot.File(boot.ConfigPath) ?? ""), refusals);
    }

    private static string Names(IOsFamily os) => string.Join(", ", os.Bootloaders.Select(b => b.Name).Distinct());
}
