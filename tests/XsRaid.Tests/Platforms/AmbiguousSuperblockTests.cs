using XsRaid.Planning;
using XsRaid.Platforms;
using XsRaid.Platforms.OsFamilies;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Platforms;

/// <summary>
/// md 0.90 keeps its superblock in the device's last 64 KiB-aligned 64 KiB: on a last partition that starts on a
/// 64 KiB boundary and runs to the disk's end it lands where the whole disk's would, and the whole disk looks like
/// a member. xsraid never creates such an array: on XenServer 6.x only the root array is 0.90 (nash autodetects only
/// 0.90; rc.sysinit assembles the others from mdadm.conf), and a rule refuses what would still be ambiguous.
/// </summary>
public sealed class AmbiguousSuperblockTests
{
    private static readonly SampleHost Xs = SampleHost.Load("xenserver-6.5");

    [Fact]
    public void TheSuperblockOffsetIsTheLast64KiBAlignedChunk()
    {
        Md090Placement.SuperblockOffset(1L << 20).ShouldBe((1L << 20) - 65536);
        Md090Placement.SuperblockOffset((1L << 20) + 65535).ShouldBe((1L << 20) - 65536);
        Md090Placement.SuperblockOffset((1L << 20) + 65536).ShouldBe(1L << 20);
    }

    [Fact]
    public void TheSamplesStoragePartitionWouldBeAmbiguousWith090AndTheRootPartitionNot()
    {
        var sda = HostFactsReader.Read(Xs.Snapshot).Disk("sda")!;
        var partitions = sda.Report!.PartitionTable.Partitions;
        bool Ambiguous(int n) => partitions.Single(p => p.Number == n) is var p
            && Md090Placement.IsAmbiguous(p.FirstLba * sda.Disk.LogicalSectorSize, p.SizeBytes, sda.Disk.SizeBytes);

        Ambiguous(3).ShouldBeTrue("the built-in 6.5 sample's md2 was such a case");
        Ambiguous(1).ShouldBeFalse();
        Ambiguous(2).ShouldBeFalse();
    }

    [Fact]
    public void OnXenServer6OnlyTheRootArrayIs090()
    {
        var plan = Xs.Plan(createSr: true).Plan!;

        plan.Metadata.ShouldBe("0.90");
        plan.Arrays.Select(a => (a.Device, a.Metadata)).ShouldBe([("/dev/md0", "0.90"), ("/dev/md1", "1.0"), ("/dev/md2", "1.0")]);
        plan.Step("create-md2").Commands[^1].Argv.ShouldContain("--metadata=1.0");
    }

    [Fact]
    public void OnDebianMetadata090IsForTheRootArrayOnly()
    {
        var plan = SampleHost.Load("lab-debian").Plan(metadata: "0.90").Plan!;

        plan.Arrays.Select(a => a.Metadata).ShouldBe(["0.90", "1.0", "1.0"]);
    }

    [Fact]
    public void AFamilyThatWouldMake090EverywhereIsRefused()
    {
        var facts = HostFactsReader.Read(Xs.Snapshot);
        var everyArray090 = new FamilyWith(new XenServer6(), metadata: new MetadataPolicy("0.90", ["0.90"]));
        var profile = ProfileResolver.Resolve(facts, everyArray090).Profile!;

        var result = ConvertPlanner.Plan(facts, profile, new PlanOptions("/dev/sdb"));

        result.Plan.ShouldBeNull();
        result.Refusals.ShouldAllBe(r => r.Rule == RuleIds.AmbiguousSuperblock && r.Message.Contains("the storage array on partition 3", StringComparison.Ordinal));
        result.Refusals.Select(r => r.Message[r.Message.IndexOf("where ", StringComparison.Ordinal)..]).ShouldBe(
            ["where /dev/sda's own would: the whole disk would look like a member of the array.", "where /dev/sdb's own would: the whole disk would look like a member of the array."],
            "the two sample disks have the same size: partition 3 would be ambiguous on both");
        result.Refusals[0].WayOut.ShouldContain("--metadata 1.0");
    }
}
