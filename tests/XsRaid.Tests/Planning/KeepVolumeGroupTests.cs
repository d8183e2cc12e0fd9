using System.Globalization;
using System.IO.Compression;
using XsRaid.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>
/// Keeping the local SR (a volume group on the storage partition): the steps that move it onto the storage array in
/// phase 2, where they sit, and one test per rule that refuses the move before anything is written.
/// </summary>
public sealed class KeepVolumeGroupTests
{
    private const string Vg = "VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6";
    private static readonly SampleHost Sr = SampleHost.Load("xenserver-6.5-sr");

    [Fact]
    public void TheVolumeGroupLeavesTheOldPartitionAfterTheRebootAndBeforeTheOriginalDiskIsTouched()
    {
        var plan = Planned(Sr);
        var ids = plan.Steps.Select(s => s.Id).ToList();
        string[] order = ["verify-root-on-array", "make-mirror-default", "pv-create-storage", "vg-extend-storage", "pv-move-storage",
            "vg-reduce-storage", "pv-remove-storage", "repartition-source", "join-md2"];
        var positions = order.Select(id => ids.IndexOf(id)).ToList();
        positions.ShouldBeInOrder(SortDirection.Ascending, "in this order");
        order.ShouldAllBe(id => ids.Contains(id));
        ids.IndexOf("pv-create-storage").ShouldBeGreaterThan(ids.IndexOf("reboot"), "a roll-back must find the SR where it was");
        plan.Steps.Where(s => s.Id.EndsWith("-storage", StringComparison.Ordinal)).ShouldAllBe(s => s.Phase == PlanPhase.JoinMirror && s.DoneWhen != null && s.Verify != null);

        plan.Step("pv-create-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["pvcreate", "--metadatasize=11260k", "/dev/md2"]);
        plan.Step("vg-extend-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["vgextend", Vg, "/dev/md2"]);
        plan.Step("pv-move-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["sh", "-c", LvmSnippets.MoveExtents, "sh", Vg, "/dev/sda3", "/dev/md2"]);
        plan.Step("pv-move-storage").DoneWhen!.Command.Argv.ShouldBe(["sh", "-c", LvmSnippets.NothingLeftOn, "sh", Vg, "/dev/sda3"]);
        plan.Step("vg-reduce-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["vgreduce", Vg, "/dev/sda3"]);
        plan.Step("pv-remove-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["pvremove", "/dev/sda3"]);
        plan.Steps.ShouldNotContain(s => s.Id == "create-sr");
    }

    [Fact]
    public void ThePlanSaysPreciselyHowToPointTheSrsPbdAtTheArray()
    {
        var note = Planned(Sr).Notes.ShouldHaveSingleItem();
        note.ShouldContain("PBD 7a4c2e91-6b3d-0f58-a1e7-3c9d5b2f8e14 still names device-config:device=/dev/disk/by-id/scsi-SATA_ST500DM002-1BD14_Z3T4A1B2-part3");
        note.ShouldContain("xe pbd-unplug uuid=7a4c2e91-6b3d-0f58-a1e7-3c9d5b2f8e14; xe pbd-destroy uuid=7a4c2e91-6b3d-0f58-a1e7-3c9d5b2f8e14; " +
            "xe pbd-create host-uuid=13ea7f70-953d-48c8-9507-b48510a284a6 sr-uuid=54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 device-config:device=/dev/md2");
        note.ShouldContain("LVHDSR.py");
    }

    [Fact]
    public void TheDebianLabHostKeepsItsVolumeGroupTooWithoutAPbdNote()
    {
        var lab = SampleHost.Load("lab-debian")
            .WithCommand("pvs", 0, "  /dev/sda3|vgdata|1073741824|x|a--\n")
            .WithCommand("pvs-extents", 0, "  /dev/sda3|vgdata|4194304|255|100|1048576|1044480|520192\n")
            .WithCommand("lvs", 0, "  vgdata|lv0|-wi-ao----||/dev/sda3(0)\n");
        foreach (var tool in VolumeGroupRules.Tools)
        {
            lab = lab.WithTool(tool);
        }

        var plan = Planned(lab);
        plan.Step("pv-move-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["sh", "-c", LvmSnippets.MoveExtents, "sh", "vgdata", "/dev/sda3", "/dev/md2"]);
        plan.Step("pv-create-storage").Commands.ShouldHaveSingleItem().Argv.ShouldBe(["pvcreate", "--metadatasize=1020k", "/dev/md2"]);
        plan.Notes.ShouldNotContain(n => n.Contains("PBD", StringComparison.Ordinal));
    }

    [Fact]
    public void TheStepsTakeTheirDevicesAsData()
    {
        var steps = VolumeGroupMoveSteps.Create(new VolumeGroupMove("VG_XenStorage-x", "/dev/sda3", "/dev/md127p3", 10L << 20), PlanPhase.JoinMirror).ToList();
        steps.Select(s => s.Writes).ShouldBe(["/dev/md127p3", "/dev/md127p3", "/dev/md127p3", "/dev/sda3", "/dev/sda3"]);
        steps.SelectMany(s => s.Commands).SelectMany(c => c.Argv).ShouldNotContain(a => a.Contains("md2", StringComparison.Ordinal) || a == "/dev/sdb3");
    }

    [Fact]
    public void AFullyAllocatedVolumeGroupDoesNotFitOnTheSmallerArray() =>
        Refused(Sr.WithCommand("pvs-extents", 0, $"  /dev/sda3|{Vg}|4194304|117184|117184|11534336|11530240|5762048\n").Plan(),
            RuleIds.VolumeGroupDoesNotFit, "117184 extents of 4194304 bytes allocated on /dev/sda3; the storage array will hold at most 117183");

    [Fact]
    public void AFullMetadataAreaIsRefused() =>
        Refused(Sr.WithCommand("pvs-extents", 0, $"  /dev/sda3|{Vg}|4194304|117184|30797|11534336|11530240|1048576\n").Plan(),
            RuleIds.VolumeGroupMetadataFull, "has 1048576 bytes free for about 4716544 bytes of metadata");

    [Fact]
    public void AVolumeGroupThatSpansAnotherDiskIsRefused() =>
        Refused(Sr.WithCommand("pvs", 0, Sr.Snapshot.Commands["pvs"].Output + $"  /dev/sdc1|{Vg}|107374182400|y|a--\n").Plan(),
            RuleIds.VolumeGroupSpansDisks, "also spans /dev/sdc1");

    [Fact]
    public void APvmoveInProgressIsRefused() =>
        Refused(Sr.WithCommand("lvs", 0, Sr.Snapshot.Commands["lvs"].Output + "  VG_data|[pvmove0]|p-C-aom---|42.17|/dev/sdc1(0)\n").Plan(),
            RuleIds.PvMoveInProgress, "VG_data/[pvmove0] from /dev/sdc1(0) at 42.17%");

    [Theory]
    [InlineData("pvmove")]
    [InlineData("vgextend")]
    [InlineData("lvs")]
    public void MissingLvmToolsAreRefused(string tool) =>
        Refused(Sr.WithoutTool(tool).Plan(), RuleIds.ToolMissing, $"lacks {tool}, which moving the volume group {Vg}");

    [Fact]
    public void CreateSrWouldMakeASecondOne() =>
        Refused(Sr.Plan(createSr: true), RuleIds.StoragePartitionInUse, "--create-sr would make a second one");

    [Fact]
    public void ASnapshotWithoutTheExtentReportIsRefused()
    {
        var commands = new Dictionary<string, XsRaid.Hosts.Snapshot.CommandCapture>(Sr.Snapshot.Commands, StringComparer.Ordinal);
        commands.Remove("pvs-extents");
        Refused(new SampleHost(Sr.Snapshot with { Commands = commands }).Plan(), RuleIds.StoragePartitionInUse, "no extent report");
    }

    [Fact]
    public void AnOrphanPhysicalVolumeIsStillRefused() =>
        Refused(Sr.WithCommand("pvs", 0, "  /dev/sda3||491505319936|x|a--\n").Plan(), RuleIds.StoragePartitionInUse, "/dev/sda3 holds a storage repository (LVM volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6); it would be destroyed");

    /// <summary>The estimate never exceeds what mdadm really gave (the md driver's own arrays in Fixtures/md).</summary>
    [Theory]
    [InlineData("meta090-clean", "0.90")]
    [InlineData("meta10-clean", "1.0")]
    [InlineData("meta10-bitmap", "1.0")]
    [InlineData("meta10-on-partition", "1.0")]
    public void TheArraySizeEstimateIsALowerBoundOfMdadms(string fixture, string metadata)
    {
        using var member = new GZipStream(File.OpenRead(Fixtures.PathOf($"md/{fixture}/member-0.img.gz")), CompressionMode.Decompress);
        long bytes = 0;
        var buffer = new byte[1 << 16];
        for (int n; (n = member.Read(buffer)) > 0;)
        {
            bytes += n;
        }

        var line = Fixtures.Text($"md/{fixture}/detail.txt").Split('\n').Single(l => l.Trim().StartsWith("Array Size :", StringComparison.Ordinal));
        var arrayBytes = long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        var estimate = MdDataSize.Estimate(bytes, metadata);
        estimate.ShouldBeLessThanOrEqualTo(arrayBytes);
        (arrayBytes - estimate).ShouldBeLessThanOrEqualTo(256 * 1024, "a lower bound, not a wild guess");
    }

    private static readonly SampleHost XcpNgSr = SampleHost.Load("xcp-ng-8.2-bios");

    private const string XcpNgVg = "VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36";

    /// <summary>
    /// Whole disk: p3 keeps its start inside md127 and ends at the GPT's end inside the array (1 MiB for md's metadata
    /// and bitmap, 33 sectors of backup GPT): 889737231 sectors from 87033856; less the new PV's first 11 MiB (its
    /// metadata area as the old PV's), 108607 extents of 4 MiB. All 108608 allocated do not fit; 108607 do.
    /// </summary>
    [Fact]
    public void OnTheWholeDiskArrayAFullyAllocatedVolumeGroupDoesNotFitIntoMd127p3()
    {
        Refused(XcpNgSr.WithCommand("pvs-extents", 0, $"  /dev/sda3|{XcpNgVg}|4194304|108608|108608|11534336|11530240|5762560\n").Plan(),
            RuleIds.VolumeGroupDoesNotFit, "108608 extents of 4194304 bytes allocated on /dev/sda3; the storage array will hold at most 108607");
        Planned(XcpNgSr.WithCommand("pvs-extents", 0, $"  /dev/sda3|{XcpNgVg}|4194304|108608|108607|11534336|11530240|5762560\n"))
            .Steps.ShouldContain(s => s.Id == "pv-move-storage");
    }

    [Fact]
    public void OnTheWholeDiskArrayAPvMoveInProgressIsRefused() =>
        Refused(XcpNgSr.WithCommand("lvs", 0, XcpNgSr.Snapshot.Commands["lvs"].Output + $"  {XcpNgVg}|[pvmove0]|p-C-aom---|12.50|/dev/sda3(0)\n").Plan(),
            RuleIds.PvMoveInProgress, $"{XcpNgVg}/[pvmove0] from /dev/sda3(0) at 12.50%");

    private static ConversionPlan Planned(SampleHost host)
    {
        var result = host.Plan();
        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        return result.Plan!;
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
