using XsRaid.Inspection;
using XsRaid.Planning;
using XsRaid.Platforms.Bootloaders;
using XsRaid.Platforms.OsFamilies;

namespace XsRaid.Tests.Planning;

/// <summary>
/// The XCP-ng 8.x BIOS plan (the installer's RAID shape: one whole-disk md127 with the GPT inside) and each refusal of
/// what it does not convert, on the xcp-ng-8.2-bios-nosr sample changed one fact at a time.
/// </summary>
public sealed class WholeDiskPlanTests
{
    private static readonly SampleHost NoSr = SampleHost.Load("xcp-ng-8.2-bios-nosr");

    [Fact]
    public void TheGptInsideMd127HasTheSourcesNumbersStartsAndTypesAndNeverFd00()
    {
        var plan = Plan(NoSr, createSr: true);
        var source = HostFactsReader.Read(NoSr.Snapshot).Disk("sda")!.Report!.PartitionTable.Partitions;

        var sgdisk = plan.Step("partition-md127").Commands[0].Argv;

        sgdisk[^1].ShouldBe("/dev/md127");
        foreach (var p in source)
        {
            sgdisk.ShouldContain($"--new={p.Number}:{p.FirstLba}:{p.LastLba}");
            sgdisk.ShouldContain($"--typecode={p.Number}:{p.TypeCode}");
        }

        sgdisk.ShouldContain("--new=4:87033856:0", "--create-sr adds the SR as partition 4 after the last one, to the array's end");
        sgdisk.ShouldContain("--attributes=3:set:2", "the BIOS boot partition keeps its legacy-BIOS-bootable bit");
        sgdisk.ShouldNotContain(a => a.Contains("FD00", StringComparison.OrdinalIgnoreCase));
        plan.Steps.SelectMany(s => s.Commands).ShouldNotContain(c => c.Argv.Contains("--randomize-guids"), "sgdisk --new gives new GUIDs");
    }

    [Fact]
    public void Md127IsCreatedLikeTheInstallersOverTheWholeTargetDegraded()
    {
        var create = Plan(NoSr).Step("create-md127").Commands[^1].Argv;

        create.ShouldBe(["mdadm", "--create", "/dev/md127", "--run", "--metadata=1.0", "--level=1", "--raid-devices=2", "--bitmap=internal",
            "--name=localhost:127", "/dev/sdb", "missing"]);
    }

    [Fact]
    public void TheLastPartitionThatReachesTheDiskEndShrinksToTheArray()
    {
        var withoutSr = SampleHost.Load("xcp-ng-8.2-bios").WithCommand("pvs", 0, "").WithCommand("xe-pbd-list", 0, "");
        var facts = HostFactsReader.Read(withoutSr.Snapshot);
        var sda = facts.Disk("sda")!;
        var emptied = facts with
        {
            Disks = [.. facts.Disks.Select(d => d == sda ? d with { Report = d.Report! with { PartitionTable = d.Report.PartitionTable with {
                Partitions = [.. d.Report.PartitionTable.Partitions.Select(p => p.Number == 3 ? p with { Content = ContentReport.Empty } : p)] } } } : d)],
        };

        var result = ConvertPlanner.Plan(emptied, new PlanOptions("/dev/sdb"));

        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        result.Plan!.Step("partition-md127").Commands[0].Argv.ShouldContain("--new=3:87033856:0");
        result.Plan.Notes.ShouldContain(n => n.Contains("partition 3 (storage) ends at the last sector /dev/md127 can hold"));
    }

    [Fact]
    public void InventoryNamesMd127AsTheInstallerDoes()
    {
        var inventory = Plan(NoSr).Step("rewrite-inventory").Commands[0].Stdin!;

        inventory.ShouldContain("PRIMARY_DISK='/dev/disk/by-id/md-name-localhost:127'\n");
        inventory.ShouldContain("BACKUP_PARTITION='/dev/disk/by-id/md-name-localhost:127-part2'\n");
        inventory.ShouldContain("INSTALLATION_UUID='");
    }

    [Fact]
    public void TheSrIsMadeWithXeOnTheStableNameOfMd127p4()
    {
        var sr = Plan(NoSr, createSr: true).Step("create-sr").Commands.Single().Argv;

        sr.ShouldContain("device-config:device=/dev/disk/by-id/md-name-localhost:127-part4");
        sr.ShouldContain("type=lvm");
    }

    [Fact]
    public void OriginalLabelsComeBackAfterTheResyncAndTemporaryOnesAreUniqueUntilThen()
    {
        var plan = Plan(NoSr);
        var ids = plan.Steps.Select(s => s.Id).ToList();

        ids.IndexOf("restore-label-root").ShouldBeGreaterThan(ids.IndexOf("wait-resync"));
        plan.Step("make-root").Commands[0].Argv.ShouldBe(["mkfs.ext3", "-q", "-L", plan.TemporaryRootLabel, "/dev/md127p1"]);
        plan.Step("restore-label-swap").Commands[0].Argv.ShouldBe(["sh", "-c", Snippets.RelabelSwap, "sh", "/dev/md127p6", "swap-qkvmzt"]);
        new[] { "make-root", "make-logs", "make-swap" }.Select(id => plan.Step(id).Commands[0].Argv[^2]).ShouldBeUnique();
        plan.Step("rewrite-fstab").Commands[0].Stdin!.ShouldNotContain("qkvmzt");
        plan.Step("restore-fstab").Commands[0].Stdin.ShouldBe(NoSr.Snapshot.File("/etc/fstab"));
    }

    [Fact]
    public void DisksThatTradeNamesAcrossTheRebootRebindEveryPartitionName()
    {
        var plan = Plan(NoSr);

        var rebound = PlanRebinding.Rebind(plan, DiskRenames.For(plan, "/dev/sdb", "/dev/sda"));

        rebound.Step("make-mirror-default").Commands[0].Argv.ShouldContain("/dev/sdb1", "the old root is mounted by its name now");
        rebound.Step("join-md127").Commands[0].Argv.ShouldBe(["mdadm", "/dev/md127", "--add", "/dev/sdb"]);
        rebound.Step("verify-root-on-array").Verify!.Command.Argv.ShouldContain("/dev/md127p1", "names inside the array never move");
    }

    [Fact]
    public void TheOriginalRootIsThePartitionOfTheSystemDiskAndTheUntouchedHostHasNoDrift()
    {
        var plan = Plan(NoSr);

        plan.OriginalRoot().ShouldBe("/dev/sda1");
        XsRaid.Execution.PlanDrift.CheckHost(plan, HostFactsReader.Read(NoSr.Snapshot)).ShouldBeEmpty();
        XsRaid.Execution.PlanDrift.Compare(plan, Plan(NoSr)).ShouldBeEmpty();
    }

    [Fact]
    public void TheNotesNameTheResetDuringResyncGapAndItsWayOut() =>
        Plan(NoSr).Notes.ShouldContain(n => n.Contains("A reset during phase 2's resync") && n.Contains("Way out: choose /dev/sdb in the BIOS boot menu"));

    [Fact]
    public void RefusesADellUtilityPartitionShiftingTheNumbers()
    {
        var facts = WithSourceTable(NoSr, t => t with
        {
            Partitions = [new PartitionReport(1, 2048, 4095, 1L << 20, null, "EF00", "EFI system partition", null, "", false, new ContentReport("vfat") { Label = "DELLUTILITY" }),
                .. t.Partitions.Select(p => p with { Number = p.Number + 1 })],
        });

        Refused(ConvertPlanner.Plan(facts, new PlanOptions("/dev/sdb")), RuleIds.UtilityPartition, "DELLUTILITY");
    }

    [Fact]
    public void RefusesADosPartitionTable() =>
        Refused(ConvertPlanner.Plan(WithSourceTable(NoSr, t => t with { Type = "mbr" }), new PlanOptions("/dev/sdb")), RuleIds.DosPartitionTable, "DOS (MBR) partition table");

    [Fact]
    public void RefusesATargetWhoseArrayCannotHoldTheTable()
    {
        // Big enough for the table on a plain disk (the shared rule), not inside md127 (1 MiB kept for metadata 1.0).
        const long lastLba = 87033855;
        var facts = HostFactsReader.Read(NoSr.Snapshot);
        var small = facts with
        {
            Disks = [.. facts.Disks.Select(d => d.Disk.Name == "sdb" ? d with { Disk = d.Disk with { SizeBytes = (lastLba + 1 + 33 + 100) * 512 } } : d)],
        };

        Refused(ConvertPlanner.Plan(small, new PlanOptions("/dev/sdb")), RuleIds.TargetTooSmall, "inside /dev/md127 on /dev/sdb the GPT ends at sector");
    }

    [Fact]
    public void RefusesUefiForNow() =>
        Refused(NoSr.WithMeta("firmware", "uefi").Plan(), RuleIds.UefiNotSupported, "UEFI");

    [Fact]
    public void OnlyProductVersions7And8AreThisFamily() =>
        Refused(NoSr.WithFile("/etc/xensource-inventory", NoSr.Snapshot.File("/etc/xensource-inventory")!.Replace("PRODUCT_VERSION='8.2.1'", "PRODUCT_VERSION='9.0.0'", StringComparison.Ordinal)).Plan(),
            RuleIds.UnsupportedPlatform, "XCP-ng 9.0.0");

    [Fact]
    public void BothSamplesResolveToTheXenServer7FamilyWithGrub2AndDracut()
    {
        foreach (var sample in new[] { "xcp-ng-8.2-bios", "xcp-ng-8.2-bios-nosr" })
        {
            var (profile, refusals) = XsRaid.Platforms.ProfileResolver.Resolve(HostFactsReader.Read(SampleHost.Load(sample).Snapshot));
            refusals.ShouldBeEmpty();
            profile!.Os.ShouldBeOfType<XenServer7>();
            profile.Boot.ShouldBeOfType<Grub2Bios>();
            profile.Initrd.Name.ShouldBe("dracut");
            profile.Layout.Description.ShouldContain(sample.EndsWith("nosr", StringComparison.Ordinal) ? "without a local SR" : "3 local SR");
        }
    }

    private static HostFacts WithSourceTable(SampleHost host, Func<PartitionTableReport, PartitionTableReport> change)
    {
        var facts = HostFactsReader.Read(host.Snapshot);
        return facts with
        {
            Disks = [.. facts.Disks.Select(d => d.Disk.Name == "sda" ? d with { Report = d.Report! with { PartitionTable = change(d.Report.PartitionTable) } } : d)],
        };
    }

    private static ConversionPlan Plan(SampleHost host, bool createSr = false)
    {
        var result = host.Plan(createSr: createSr);
        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        return result.Plan!;
    }

    private static void Refused(PlanResult result, string rule, string text)
    {
        result.Plan.ShouldBeNull();
        var refusal = result.Refusals.FirstOrDefault(r => r.Rule == rule);
        refusal.ShouldNotBeNull($"expected {rule}, got: {string.Join("; ", result.Refusals)}");
        refusal.Message.ShouldContain(text);
        refusal.WayOut.ShouldNotBeNullOrWhiteSpace();
    }
}
