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
                $"the host runs {facts.PlatformName}, which xsraid cannot convert yet (supported: XenServer 6.x, XCP-ng 8.x / XenServer 7-8 on BIOS, Debian with extlinux).",
                "Convert the host by hand, or ask for its platform to be supported.")]);

    /// <summary>The profile of a host of the given family (a family not in the catalog can be resolved too).</summary>
    public static (HostProfile? Profile, IReadOnlyList<Refusal> Refusals) Resolve(HostFacts facts, IOsFamily os)
    {
        var refusals = new List<Refusal>();
        var firmware = facts.Uefi ? Firmware.Uefi : Firmware.Bios;
        if (firmware == Firmware.Uefi)
        {
            // The BIOS bootloaders' configs are beside the point on a UEFI host: this is the one refusal.
            return (null, [new Refusal(RuleIds.UefiNotSupported, $"the host booted through UEFI{BootedEntry(facts)}; xsraid mirrors BIOS ({Names(os)}) boots only.",
                "Boot the host in legacy BIOS mode, or convert it by hand.")]);
        }

        var boot = os.Bootloaders.FirstOrDefault(b => b.IsOn(facts.Snapshot));
        if (boot is null)
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedBootloader,
                $"the host boots with {(facts.Bootloader == BootloaderKind.None ? "no bootloader xsraid recognises" : facts.Bootloader.ToString())} "
                + $"(no {string.Join(" or ", os.Bootloaders.Select(b => $"{b.Name} config at {b.ConfigPath}"))}).",
                $"xsraid handles {Names(os)} on {os.Name}."));
        }

        return refusals.Count > 0 || boot is null
            ? (null, refusals)
            : (new HostProfile(os, boot, firmware, LayoutOf(facts, os), facts.Snapshot.File(boot.ConfigPath) ?? ""), refusals);
    }

    /// <summary>The family's layout whose roles fit the system disk's partitions, else its main layout (whose rules then say what differs).</summary>
    private static Layouts.DiskLayout LayoutOf(HostFacts facts, IOsFamily os) =>
        facts.Root?.DiskName is { } disk && facts.Disk(disk)?.Report?.PartitionTable.Partitions is { } partitions
            ? os.Layouts.FirstOrDefault(l => l.Fits(partitions.Select(p => (p.Number, p.TypeCode)))) ?? os.Layout
            : os.Layout;

    /// <summary>" (the firmware's entry Boot0003 "XCP-ng": \EFI\xenserver\grubx64.efi on partition 4, GUID ...)", or "" when efibootmgr was not captured.</summary>
    private static string BootedEntry(HostFacts facts) =>
        facts.EfiBoot?.Current is { } entry
            ? $" (the firmware's entry Boot{entry.Id} \"{entry.Label}\": {entry.LoaderPath ?? "no loader file"}"
              + (entry.Partition is { } p ? $" on partition {p.Number}, GUID {p.PartitionGuid})" : ")")
            : "";

    private static string Names(IOsFamily os) => string.Join(", ", os.Bootloaders.Select(b => b.Name).Distinct());
}
