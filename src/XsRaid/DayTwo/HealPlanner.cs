using XsRaid.Health;
using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.DayTwo;

/// <summary>
/// `xsraid heal`: puts back what a mirrored BIOS host loses to kernel, bootloader or ISO upgrades. Every step checks
/// the host first and runs only when its check fails, so a healthy host runs nothing: mdadm.conf has exactly the
/// running arrays' ARRAY lines (rewritten otherwise, other lines kept); every installed kernel's initrd (the running
/// one and each the boot config names) carries what assembles the root array and is not older than mdadm.conf
/// (rebuilt with the profile's initrd tool otherwise; after mdadm.conf, whose arrays it assembles); each disk with a
/// complete member of the root array has the profile bootloader's boot code. Debian's grub-pc install list is not
/// handled (these are extlinux hosts); UEFI hosts are refused by the profile.
/// </summary>
public static class HealPlanner
{
    public static DayTwoResult Plan(HostFacts facts)
    {
        var (profile, refusals) = ProfileResolver.Resolve(facts);
        return profile is null ? DayTwoResult.Refused(refusals) : Plan(facts, profile);
    }

    public static DayTwoResult Plan(HostFacts facts, HostProfile profile)
    {
        var arrays = MirrorArrays.Read(facts.Snapshot).Where(a => a.IsRunning && a.IsMirror).ToList();
        var rootDevice = HealthCheck.RootDevice(facts.Snapshot);
        if (arrays.FirstOrDefault(a => a.Device == rootDevice) is not { } root)
        {
            return DayTwoResult.Refused([new Refusal(DayTwoRules.NoMirror,
                $"/ is on {rootDevice ?? "an unknown device"}, not on a running RAID1 array: there is no mirror to heal.",
                "Make the mirror first (xsraid plan / convert); an array that does not run is `xsraid check`'s and `replace`'s business.")]);
        }

        var steps = new List<PlanStep>();
        var notes = new List<string>();
        string[] devices = [.. arrays.Select(a => a.Device)];
        var conf = profile.Os.MdadmConfPath;
        var matches = new HostCheck($"{conf} lists exactly the running arrays by UUID", HostCommand.Sh(HealSnippets.MdadmConfMatches, [conf, .. devices]));
        steps.Add(Step("mdadm-conf", $"Rewrite the ARRAY lines of {conf}",
            "The initrd and mdadm --monitor find the arrays by these lines; only ARRAY lines change (MAILADDR, PROGRAM and the rest stay).",
            [HostCommand.Sh(HealSnippets.RewriteArrayLines, [conf, .. devices])], null, matches, matches));

        var kernels = new[] { facts.KernelVersion }.OfType<string>().Concat(BootConfigKernels.Versions(profile.BootConfig)).Distinct(StringComparer.Ordinal);
        foreach (var kernel in kernels)
        {
            var initrd = "/boot/" + profile.Initrd.FileName(kernel);
            var assembles = new HostCheck($"{initrd} assembles {root.Device} and is not older than {conf}",
                HostCommand.Sh(HealSnippets.InitrdAssembles, ["/lib/modules/" + kernel, initrd, conf, .. profile.Initrd.ContentCheck(initrd)]));
            steps.Add(Step($"initrd-{kernel}", $"Rebuild the initrd of kernel {kernel}",
                $"The initrd must load raid1 and assemble {root.Device} before it can mount /; it is made after mdadm.conf, whose arrays it assembles.",
                [new HostCommand(profile.Initrd.Rebuild(kernel))], null, assembles, assembles));
        }

        var bootPartition = root.Members.Select(m => ReplacePlanner.DiskOf(facts, m.Device) is { } disk ? PartitionNumber(facts, disk, m.Device) : null).OfType<int>().FirstOrDefault();
        foreach (var member in root.Members.OrderBy(m => m.Device, StringComparer.Ordinal))
        {
            var disk = ReplacePlanner.DiskOf(facts, member.Device);
            if (disk is null || !member.InSync)
            {
                notes.Add($"/dev/{member.Device} is {(disk is null ? "on no disk the probe saw" : "not a complete member yet")}: its disk gets no boot code now (`xsraid replace` or a later heal).");
                continue;
            }

            var device = "/dev/" + disk;
            var hasBootCode = profile.Boot.HasBootCodeOn(device);
            steps.Add(Step($"boot-code-{disk}", $"Write the {profile.Boot.Name} boot code to {device} and mark partition {bootPartition} bootable",
                "Each disk of the mirror must boot alone when the other fails.",
                profile.Boot.WriteBootCode(device, bootPartition), device, hasBootCode, hasBootCode));
        }

        notes.Add("Each step checks the host first and runs only if its check fails: on a healthy host nothing runs.");
        notes.Add("Not handled: Debian's grub-pc install list (these hosts boot with extlinux), UEFI (ESPs, boot entries).");
        return DayTwoResult.Ok(new DayTwoPlan("heal", facts.Snapshot.HostName, profile.DisplayName, null, null, null, [], steps, notes)
        {
            Repairs = ["no-boot-code", "initrd-no-md", "mdadm-conf-missing", "mdadm-conf-stale", "mdadm-conf-unlisted"],
        });
    }

    private static int? PartitionNumber(HostFacts facts, string disk, string member) =>
        facts.Disk(disk)?.Report?.PartitionTable.Partitions.FirstOrDefault(p => Inspection.DiskInspector.PartitionName("/dev/" + disk, p.Number) == "/dev/" + member)?.Number;

    private static PlanStep Step(string id, string title, string why, IReadOnlyList<HostCommand> commands, string? writes, HostCheck doneWhen, HostCheck verify) =>
        new(id, PlanPhase.Heal, title, why, commands, writes, doneWhen, verify);
}
