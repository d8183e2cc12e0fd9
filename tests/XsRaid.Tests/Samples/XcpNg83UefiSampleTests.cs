using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;
using XsRaid.Planning;

namespace XsRaid.Tests.Samples;

/// <summary>
/// The XCP-ng 8.3 UEFI sample holds what the installer leaves on an NVMe disk in UEFI mode
/// (shared/facts/xcp-ng/xcpng83-uefi: sgdisk -p, fstab, the ESP's grub.cfg, efibootmgr -v, inventory), read back
/// through xsraid's own readers. xsraid does not convert UEFI hosts yet: its plan is a refusal.
/// </summary>
public sealed class XcpNg83UefiSampleTests
{
    private const string Sample = "xcp-ng-8.3-uefi";

    // Number, first LBA, last LBA, type code, content, label: sgdisk-p.txt of the facts (512 GB NVMe disk).
    public static TheoryData<int, long, long, string, string, string?> Partitions() => new()
    {
        { 1, 46139392, 83888127, "0700", "ext3", "root-hbnwrc" },
        { 2, 8390656, 46139391, "0700", "empty", null },
        { 3, 87033856, 1000215182, "8E00", "lvm2-pv", null },
        { 4, 83888128, 84936703, "EF00", "vfat", "BOOT-HBNWRC" },
        { 5, 2048, 8390655, "0700", "ext3", "logs-hbnwrc" },
        { 6, 84936704, 87033855, "8200", "swap", "swap-hbnwrc" },
    };

    [Theory]
    [MemberData(nameof(Partitions))]
    public void PartitionIsAsTheInstallerMakesItInUefiMode(int number, long first, long last, string type, string content, string? label)
    {
        var partition = SystemDisk().PartitionTable.Partitions.Single(p => p.Number == number);

        partition.FirstLba.ShouldBe(first);
        partition.LastLba.ShouldBe(last);
        partition.TypeCode.ShouldBe(type);
        partition.LegacyBiosBootable.ShouldBeFalse("UEFI mode sets no legacy-bootable bit");
        partition.Content.Type.ShouldBe(content);
        partition.Content.Label.ShouldBe(label);
        partition.Content.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void TheNvmeDiskHasAGptWithoutFindingsAndNoBootCode()
    {
        var disk = SystemDisk();

        disk.BootCode.ShouldBe("zeroed");
        disk.PartitionTable.Type.ShouldBe("gpt");
        disk.PartitionTable.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void TheFirmwaresBootEntryNamesTheEspByItsPartitionGuid()
    {
        var snapshot = SnapshotSources.FromSample(Sample).GetValueOrThrow();
        var esp = SystemDisk().PartitionTable.Partitions.Single(p => p.Number == 4);

        snapshot.Meta["firmware"].ShouldBe("uefi");
        snapshot.Commands["efibootmgr-v"].Output
            .ShouldContain($"HD(4,GPT,{esp.UniqueGuid!.ToLowerInvariant()},0x5000800,0x100000)/File(\\EFI\\xenserver\\grubx64.efi)");
        snapshot.File("/etc/fstab").ShouldNotBeNull().ShouldContain("LABEL=BOOT-HBNWRC    /boot/efi");
        snapshot.File("/boot/efi/EFI/xenserver/grub.cfg").ShouldNotBeNull().ShouldContain("search --label --set root root-hbnwrc");
    }

    [Fact]
    public void TheLocalExtSrIsAVolumeGroupOnPartition3()
    {
        var snapshot = SnapshotSources.FromSample(Sample).GetValueOrThrow();

        SystemDisk().PartitionTable.Partitions.Single(p => p.Number == 3).Content.VgName
            .ShouldBe("XSLocalEXT-6b2e9f14-8c3d-4a75-b0e1-2f7d4c9a8e36");
        snapshot.Commands["pvs"].Output.ShouldContain("/dev/nvme0n1p3|XSLocalEXT-6b2e9f14-8c3d-4a75-b0e1-2f7d4c9a8e36|");
        snapshot.Commands["xe-sr-list"].Output.ShouldContain("type ( RO): ext");
    }

    [Fact]
    public void ThePlanIsRefusedBecauseUefiIsNotConvertedYetNamingTheEntryTheFirmwareBooted()
    {
        var snapshot = SnapshotSources.FromSample(Sample).GetValueOrThrow();

        var result = ConvertPlanner.Plan(HostFactsReader.Read(snapshot), new PlanOptions("/dev/nvme1n1", "auto", false, false));

        result.IsRefused.ShouldBeTrue();
        result.Refusals.Select(r => r.Rule).ShouldBe([RuleIds.UefiNotSupported]);
        result.Refusals[0].Message.ShouldContain(
            "the firmware's entry Boot0003 \"XCP-ng\": \\EFI\\xenserver\\grubx64.efi on partition 4, GUID 5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8");
    }

    private static DiskReport SystemDisk()
    {
        var snapshot = SnapshotSources.FromSample(Sample).GetValueOrThrow();
        return DiskInspector.Inspect(snapshot.Disk("nvme0n1")!.AsBlockSource()).GetValueOrThrow();
    }
}
