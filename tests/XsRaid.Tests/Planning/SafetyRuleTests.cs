using XsRaid.Planning;

namespace XsRaid.Tests.Planning;

/// <summary>One test per safety rule: each refuses with its own rule name and a way out, and nothing is planned.</summary>
public sealed class SafetyRuleTests
{
    private static readonly SampleHost Xs = SampleHost.Load("xenserver-6.5");
    private static readonly SampleHost Lab = SampleHost.Load("lab-debian");

    [Fact]
    public void TheSamplesThemselvesPass()
    {
        Xs.Plan().IsRefused.ShouldBeFalse(string.Join("; ", Xs.Plan().Refusals));
        Lab.Plan().IsRefused.ShouldBeFalse(string.Join("; ", Lab.Plan().Refusals));
    }

    [Fact]
    public void TargetIsTheSystemDisk() => Refused(Xs.Plan(target: "/dev/sda"), RuleIds.TargetIsSource, "/dev/sda is the system disk");

    [Fact]
    public void TargetByIdNameOfTheSystemDisk() =>
        Refused(Xs.Plan(target: "/dev/disk/by-id/wwn-0x5000c5006a3b1c01"), RuleIds.TargetIsSource, "system disk");

    [Fact]
    public void TargetDoesNotExist() => Refused(Xs.Plan(target: "/dev/sdz"), RuleIds.TargetNotFound, "no disk /dev/sdz");

    [Fact]
    public void TargetTooSmall() =>
        Refused(Xs.WithDisk("sdb", d => d with { SizeBytes = 100L << 30 }).Plan(), RuleIds.TargetTooSmall, "has 107374182400 bytes");

    [Fact]
    public void SectorSizesDiffer() =>
        Refused(Xs.WithDisk("sdb", d => d with { LogicalSectorSize = 4096 }).Plan(), RuleIds.SectorSizeMismatch, "4096-byte logical sectors");

    [Fact]
    public void TargetMounted() =>
        Refused(Xs.AppendToFile("/proc/mounts", "/dev/sdb1 /mnt/data ext3 rw 0 0").Plan(), RuleIds.TargetInUse, "/dev/sdb1 is mounted on /mnt/data");

    [Fact]
    public void TargetIsSwap() =>
        Refused(Xs.AppendToFile("/proc/swaps", "/dev/sdb2                               partition\t1048572\t0\t-2").Plan(), RuleIds.TargetInUse, "/dev/sdb2 is active swap");

    [Fact]
    public void TargetInARunningArray() =>
        Refused(Xs.WithFile("/proc/mdstat", "Personalities : [raid1] \nmd9 : active raid1 sdb1[0]\n      1048512 blocks [2/1] [U_]\n      \nunused devices: <none>\n").Plan(),
            RuleIds.TargetInUse, "md9 runs with member(s) sdb1");

    [Fact]
    public void TargetIsAPhysicalVolumeInUse() =>
        Refused(Xs.WithCommand("pvs", 0, "  /dev/sdb|VG_data|500107862016|abc|a--").Plan(), RuleIds.TargetInUse, "physical volume of volume group VG_data");

    [Fact]
    public void WipeDoesNotOverrideInUse() =>
        Refused(Xs.AppendToFile("/proc/mounts", "/dev/sdb /mnt ext3 rw 0 0").Plan(wipe: true), RuleIds.TargetInUse, "mounted");

    [Fact]
    public void TargetCarriesAnOldPartitionTableAndMdSuperblock()
    {
        var sda = Xs.Snapshot.Disk("sda")!;
        var mbrAndGpt = sda.Regions.Single(r => r.Offset == 0).Bytes.ToArray();
        var dirty = Xs.WithBytes("sdb", 0, mbrAndGpt);
        Refused(dirty.Plan(), RuleIds.TargetHasSignatures, "a gpt partition table");
        dirty.Plan(wipe: true).IsRefused.ShouldBeFalse("--wipe-target accepts a disk that is only dirty");
        dirty.Plan(wipe: true).Plan!.Steps[0].Id.ShouldBe("wipe-target");
    }

    [Fact]
    public void TargetUnreadable() =>
        Refused(Xs.WithDisk("sdb", d => d with { UnreadableReason = "dd: Operation not permitted" }).Plan(), RuleIds.TargetUnreadable, "Operation not permitted");

    [Fact]
    public void StoragePartitionHoldsAnSr() =>
        Refused(Xs.WithCommand("pvs", 0, "  /dev/sda3|VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6|491516837888|x|a--").Plan(),
            RuleIds.StoragePartitionInUse, "volume group VG_XenStorage-54e1c7c3");

    [Fact]
    public void StoragePartitionIsAnSrByItsPbd() =>
        Refused(Xs.WithCommand("xe-pbd-list", 0, "uuid ( RO)                  : 1\n             sr-uuid ( RO): 2\n       device-config (MRO): device: /dev/disk/by-id/ata-ST500DM002-1BD142_Z3T4A1B2-part3\n").Plan(),
            RuleIds.StoragePartitionInUse, "/dev/sda3 holds a storage repository");

    [Fact]
    public void ToolMissing() => Refused(Xs.WithoutTool("sgdisk").Plan(), RuleIds.ToolMissing, "lacks sgdisk");

    [Fact]
    public void XenServer7WithoutGrub2IsRefusedByItsBootloader() =>
        Refused(Xs.WithFile("/etc/xensource-inventory", Xs.Snapshot.File("/etc/xensource-inventory")!.Replace("PRODUCT_VERSION='6.5.0'", "PRODUCT_VERSION='7.1.0'", StringComparison.Ordinal)).Plan(),
            RuleIds.UnsupportedBootloader, "no grub2 config at /boot/grub/grub.cfg");

    [Fact]
    public void UnknownDistributionIsRefusedByName() =>
        Refused(Lab.WithFile("/etc/os-release", "PRETTY_NAME=\"Fedora Linux 40\"\nID=fedora\n").Plan(), RuleIds.UnsupportedPlatform, "Fedora Linux 40");

    [Fact]
    public void Uefi() => Refused(Lab.WithMeta("firmware", "uefi").Plan(), RuleIds.UefiNotSupported, "UEFI");

    [Fact]
    public void GrubInsteadOfExtlinux() =>
        Refused(Lab.WithFile("/boot/extlinux/extlinux.conf", null).WithFile("/boot/grub/grub.cfg", "menuentry 'Debian' {\n}\n").Plan(),
            RuleIds.UnsupportedBootloader, "Grub2");

    [Fact]
    public void RootNotFound() =>
        Refused(Lab.WithFile("/proc/mounts", "proc /proc proc rw 0 0\n").Plan(), RuleIds.RootNotFound, "cannot tell which disk holds /");

    [Fact]
    public void AlreadyMirrored() =>
        Refused(Lab.WithFile("/proc/mounts", "/dev/md0 / ext3 rw 0 0\n").Plan(), RuleIds.AlreadyMirrored, "/dev/md0");

    [Fact]
    public void SwapPartitionOnTheSystemDisk() =>
        Refused(Lab.AppendToFile("/proc/swaps", "/dev/sda2                               partition\t1048572\t0\t-2").Plan(), RuleIds.UnsupportedLayout, "swap partition /dev/sda2");

    [Fact]
    public void AnotherFilesystemOnTheSystemDisk() =>
        Refused(Lab.AppendToFile("/proc/mounts", "/dev/sda2 /var/log ext3 rw 0 0").Plan(), RuleIds.UnsupportedLayout, "/dev/sda2 on /var/log");

    [Fact]
    public void MetadataTheInitrdCannotBoot() =>
        Refused(Xs.Plan(metadata: "1.0"), RuleIds.MetadataNotBootable, "cannot be booted on XenServer 6.x");

    [Fact]
    public void EveryRefusalSaysTheWayOut()
    {
        var result = Xs.WithoutTool("mdadm").WithDisk("sdb", d => d with { LogicalSectorSize = 4096 }).Plan();
        result.Refusals.Count.ShouldBe(2);
        result.Refusals.ShouldAllBe(r => r.WayOut.Length > 10);
    }

    private static void Refused(PlanResult result, string rule, string message)
    {
        result.IsRefused.ShouldBeTrue();
        result.Plan.ShouldBeNull();
        var refusal = result.Refusals.FirstOrDefault(r => r.Rule == rule);
        refusal.ShouldNotBeNull($"expected {rule}, got: {string.Join("; ", result.Refusals)}");
        refusal.Message.ShouldContain(message, Case.Sensitive, refusal.Message);
        refusal.WayOut.ShouldNotBeNullOrWhiteSpace();
    }
}
