using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;
using XsRaid.Planning;

namespace XsRaid.Tests.Samples;

/// <summary>
/// The XCP-ng 8.2 BIOS samples hold what the installer leaves on a disk (shared/facts/xcp-ng/xcpng82-bios: sgdisk -p,
/// fstab, grub.cfg, inventory), read back through xsraid's own readers.
/// </summary>
public sealed class XcpNgSampleTests
{
    // Number, first LBA, last LBA, type code, legacy-bootable, content, label: sgdisk-p.txt of the facts (500 GB disk).
    public static TheoryData<string, int, long, long, string, bool, string, string?> Partitions() => new()
    {
        { "xcp-ng-8.2-bios", 1, 46139392, 83888127, "0700", false, "ext3", "root-qkvmzt" },
        { "xcp-ng-8.2-bios", 2, 8390656, 46139391, "0700", false, "empty", null },
        { "xcp-ng-8.2-bios", 3, 87033856, 976773134, "8E00", false, "lvm2-pv", null },
        { "xcp-ng-8.2-bios", 4, 83888128, 84936703, "EF02", true, "unknown", null },
        { "xcp-ng-8.2-bios", 5, 2048, 8390655, "0700", false, "ext3", "logs-qkvmzt" },
        { "xcp-ng-8.2-bios", 6, 84936704, 87033855, "8200", false, "swap", "swap-qkvmzt" },
        { "xcp-ng-8.2-bios-nosr", 1, 46139392, 83888127, "0700", false, "ext3", "root-qkvmzt" },
        { "xcp-ng-8.2-bios-nosr", 2, 8390656, 46139391, "0700", false, "empty", null },
        { "xcp-ng-8.2-bios-nosr", 3, 83888128, 84936703, "EF02", true, "unknown", null },
        { "xcp-ng-8.2-bios-nosr", 5, 2048, 8390655, "0700", false, "ext3", "logs-qkvmzt" },
        { "xcp-ng-8.2-bios-nosr", 6, 84936704, 87033855, "8200", false, "swap", "swap-qkvmzt" },
    };

    [Theory]
    [MemberData(nameof(Partitions))]
    public void PartitionIsAsTheInstallerMakesIt(string sample, int number, long first, long last, string type, bool legacyBootable, string content, string? label)
    {
        var disk = SystemDisk(sample);

        var partition = disk.PartitionTable.Partitions.Single(p => p.Number == number);

        partition.FirstLba.ShouldBe(first);
        partition.LastLba.ShouldBe(last);
        partition.TypeCode.ShouldBe(type);
        partition.LegacyBiosBootable.ShouldBe(legacyBootable);
        partition.Name.ShouldBeEmpty("XCP-ng 8.2 sets no GPT partition names");
        partition.Content.Type.ShouldBe(content);
        partition.Content.Label.ShouldBe(label);
        partition.Content.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("xcp-ng-8.2-bios", 6)]
    [InlineData("xcp-ng-8.2-bios-nosr", 5)]
    public void SystemDiskHasGrubBootCodeAndAGptWithoutFindings(string sample, int partitions)
    {
        var disk = SystemDisk(sample);

        disk.BootCode.ShouldBe("grub2");
        disk.PartitionTable.Type.ShouldBe("gpt");
        disk.PartitionTable.Findings.ShouldBeEmpty();
        disk.PartitionTable.Partitions.Count.ShouldBe(partitions);
    }

    [Fact]
    public void LocalSrIsAnLvmVolumeGroupNamedAfterTheSrOnPartition3()
    {
        var snapshot = SnapshotSources.FromSample("xcp-ng-8.2-bios").GetValueOrThrow();
        var disk = SystemDisk("xcp-ng-8.2-bios");

        var pv = disk.PartitionTable.Partitions.Single(p => p.Number == 3).Content;

        pv.VgName.ShouldBe("VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36");
        snapshot.Commands["pvs"].Output.ShouldContain("/dev/sda3|VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36|");
        snapshot.Commands["xe-pbd-list"].Output.ShouldContain("device: /dev/disk/by-id/ata-ST500DM002-1BD142_Z3TFK7QX-part3");
    }

    [Theory]
    [InlineData("xcp-ng-8.2-bios", "ROOT,BACKUP,LOG,BOOT,SWAP,SR")]
    [InlineData("xcp-ng-8.2-bios-nosr", "ROOT,BACKUP,LOG,BOOT,SWAP")]
    public void InventoryNamesTheLayoutAndThePrimaryDisk(string sample, string layout)
    {
        var snapshot = SnapshotSources.FromSample(sample).GetValueOrThrow();

        var inventory = snapshot.File("/etc/xensource-inventory");

        inventory.ShouldNotBeNull();
        inventory.ShouldContain($"PARTITION_LAYOUT='{layout}'");
        inventory.ShouldContain("PRIMARY_DISK='/dev/disk/by-id/ata-ST500DM002-1BD142_Z3TFK7QX'");
        snapshot.File("/boot/grub/grub.cfg").ShouldNotBeNull().ShouldContain("multiboot2 /boot/xen.gz");
    }

    [Fact]
    public void TheSampleWithoutAnSrPlansTheInstallersRaidShape()
    {
        var snapshot = SnapshotSources.FromSample("xcp-ng-8.2-bios-nosr").GetValueOrThrow();

        var result = ConvertPlanner.Plan(HostFactsReader.Read(snapshot), new PlanOptions("/dev/sdb", "auto", false, false));

        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        result.Plan!.Platform.ShouldBe("XCP-ng 8.x / XenServer 7-8 (CentOS 7 dom0, grub2, dracut)");
        result.Plan.Arrays.Single().Device.ShouldBe("/dev/md127");
        result.Plan.RootArray.ShouldBe("/dev/md127p1");
    }

    /// <summary>
    /// The local SR on p3 is kept: in phase 2, after the mirror is the default boot and before the old disk is wiped,
    /// its volume group moves into md127p3 (which keeps p3's number and start inside the array).
    /// </summary>
    [Fact]
    public void TheSampleWithAnSrOnPartition3MovesItsVolumeGroupIntoMd127p3BeforeTheOldDiskIsWiped()
    {
        var snapshot = SnapshotSources.FromSample("xcp-ng-8.2-bios").GetValueOrThrow();

        var result = ConvertPlanner.Plan(HostFactsReader.Read(snapshot), new PlanOptions("/dev/sdb", "auto", false, false));

        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        var ids = result.Plan!.Steps.Select(s => s.Id).ToList();
        ids.ShouldContain("pv-move-storage");
        ids.IndexOf("pv-create-storage").ShouldBeGreaterThan(ids.IndexOf("make-mirror-default"));
        ids.IndexOf("pv-remove-storage").ShouldBeLessThan(ids.IndexOf("wipe-source"));
        result.Plan.Steps.Single(s => s.Id == "pv-move-storage").Title
            .ShouldBe("Move VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 from /dev/sda3 to /dev/md127p3 (pvmove, online)");
        result.Plan.Notes.ShouldContain(n => n.Contains("device-config:device=/dev/disk/by-id/md-name-localhost:127-part3", StringComparison.Ordinal));
    }

    /// <summary>--create-sr beside a kept SR would make a second one: refused, naming the volume group.</summary>
    [Fact]
    public void TheSampleWithAnSrRefusesCreateSr()
    {
        var snapshot = SnapshotSources.FromSample("xcp-ng-8.2-bios").GetValueOrThrow();

        var result = ConvertPlanner.Plan(HostFactsReader.Read(snapshot), new PlanOptions("/dev/sdb", "auto", false, true));

        result.Refusals.Select(r => r.Rule).ShouldBe(["storage-partition-in-use"]);
        result.Refusals[0].Message.ShouldContain("/dev/sda3 holds the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36");
    }

    private static DiskReport SystemDisk(string sample)
    {
        var snapshot = SnapshotSources.FromSample(sample).GetValueOrThrow();
        return DiskInspector.Inspect(snapshot.Disk("sda")!.AsBlockSource()).GetValueOrThrow();
    }
}
