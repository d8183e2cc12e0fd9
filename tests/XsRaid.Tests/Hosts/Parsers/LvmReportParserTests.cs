using System.Globalization;
using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class LvmReportParserTests
{
    private static readonly string[] PvFields =
        ["pv_name", "vg_name", "pv_fmt", "pv_attr", "pv_size", "pv_free", "pv_uuid", "dev_size", "pe_start"];

    private static readonly string[] VgFields =
        ["vg_name", "vg_uuid", "vg_size", "vg_free", "pv_count", "lv_count", "vg_extent_size"];

    private static readonly Dictionary<string, string> QuietLvm = new() { ["LVM_SUPPRESS_FD_WARNINGS"] = "1" };

    [Fact]
    public void TheCapturedSeparatorAndJsonReportsAgree()
    {
        // The -o list is the one outputs/capture-commands.txt used for pvs-noheadings.txt.
        Fixtures.Text("outputs/capture-commands.txt").ShouldContain("-o " + string.Join(',', PvFields) + " > pvs-noheadings.txt");
        var separated = LvmReportParser.ParseSeparated(Fixtures.Text("outputs/pvs-noheadings.txt"), PvFields);
        separated.Issues.ShouldBeEmpty();
        var pv = LvmReportParser.PhysicalVolumes(separated.Value).ShouldHaveSingleItem();

        // pvs-json.json was taken with the default (human, MiB) units: the same sizes, rounded.
        var json = LvmReportParser.ParseJson(Fixtures.Text("outputs/pvs-json.json"), "pv");
        json.Issues.ShouldBeEmpty();
        var row = json.Value.ShouldHaveSingleItem();
        row.Get("pv_name").ShouldBe(pv.Name);
        row.Get("vg_name").ShouldBe(pv.VgName);
        row.Get("pv_fmt").ShouldBe(pv.Format);
        row.Get("pv_attr").ShouldBe(pv.Attributes);
        row.Get("pv_size").ShouldBe(Mebibytes(pv.SizeBytes!.Value));
        row.Get("pv_free").ShouldBe(Mebibytes(pv.FreeBytes!.Value));
        row.GetBytes("pv_size").ShouldBeNull();

        // blkid and lsblk read the PV label themselves.
        var blkid = ShellAssignmentsParser.Parse(Fixtures.Text("outputs/blkid-p-o-export-sda3-lvm-pv.txt")).Value;
        blkid.Get("UUID").ShouldBe(pv.Uuid);
        LsblkFixture.PairsRows().Single(r => "/dev/" + r.Get("KNAME") == pv.Name).GetLong("SIZE").ShouldBe(pv.DeviceSizeBytes);

        var vg = LvmReportParser.VolumeGroups(LvmReportParser.ParseJson(Fixtures.Text("outputs/vgs-json.json"), "vg").Value).ShouldHaveSingleItem();
        vg.Name.ShouldBe(pv.VgName);
        vg.SizeBytes.ShouldBe(pv.SizeBytes);
        vg.FreeBytes.ShouldBe(pv.FreeBytes);
        vg.PvCount.ShouldBe(1);
        vg.XenStorageSrUuid.ShouldBe("1f43f9f8-7be2-4feb-8f27-776843d492cd");

        var lvs = LvmReportParser.LogicalVolumes(LvmReportParser.ParseJson(Fixtures.Text("outputs/lvs-json.json"), "lv").Value);
        lvs.Select(l => l.Name).Order(StringComparer.Ordinal).ShouldBe(["MGT", "VHD-304f7839-cab0-490e-985c-a61404c76a9d"]);
        lvs.Sum(l => l.SizeBytes!.Value).ShouldBe(vg.SizeBytes!.Value - vg.FreeBytes!.Value);
        lvs.Count.ShouldBe(vg.LvCount!.Value);
        foreach (var lv in lvs)
        {
            lv.IsActive.ShouldBeTrue();
            LsblkFixture.PairsRows().Single(r => "/dev/mapper/" + r.Get("NAME") == lv.DmPath).GetLong("SIZE").ShouldBe(lv.SizeBytes);
        }
    }

    [Fact]
    public void LiveReportsOfALoopDevicePvAgreeWithEachOtherAndWithBlkid()
    {
        using var dir = new TempDir();
        const long size = 64L * 1024 * 1024;
        var image = dir.SparseFile("pv.img", size);
        var loop = Tool.Run("losetup", "-f", "--show", image).Stdout.Trim();
        var vgName = "xsraidtest" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Lvm("pvcreate", "--devices", loop, loop);
            Lvm("vgcreate", "--devices", loop, vgName, loop);

            var separated = LvmReportParser.ParseSeparated(
                Lvm("pvs", "--devices", loop, "--noheadings", "--units", "b", "--nosuffix", "--separator", "|", "-o", string.Join(',', PvFields)),
                PvFields);
            separated.Issues.ShouldBeEmpty();
            var json = LvmReportParser.ParseJson(
                Lvm("pvs", "--devices", loop, "--reportformat", "json", "--units", "b", "-o", string.Join(',', PvFields)), "pv");
            json.Issues.ShouldBeEmpty();

            var pv = LvmReportParser.PhysicalVolumes(separated.Value).ShouldHaveSingleItem();
            LvmReportParser.PhysicalVolumes(json.Value).ShouldHaveSingleItem().ShouldBe(pv);
            pv.Name.ShouldBe(loop);
            pv.VgName.ShouldBe(vgName);
            pv.DeviceSizeBytes.ShouldBe(size);
            pv.Format.ShouldBe("lvm2");
            var blkid = ShellAssignmentsParser.Parse(Tool.Run("blkid", "-p", "-o", "export", loop).Stdout).Value;
            blkid.Get("TYPE").ShouldBe("LVM2_member");
            blkid.Get("UUID").ShouldBe(pv.Uuid);

            var vgSeparated = LvmReportParser.ParseSeparated(
                Lvm("vgs", "--devices", loop, "--noheadings", "--units", "b", "--nosuffix", "--separator", "|", "-o", string.Join(',', VgFields)),
                VgFields);
            vgSeparated.Issues.ShouldBeEmpty();
            var vgJson = LvmReportParser.ParseJson(
                Lvm("vgs", "--devices", loop, "--reportformat", "json", "--units", "b", "-o", string.Join(',', VgFields)), "vg");
            var vg = LvmReportParser.VolumeGroups(vgSeparated.Value).ShouldHaveSingleItem();
            LvmReportParser.VolumeGroups(vgJson.Value).ShouldHaveSingleItem().ShouldBe(vg);
            vg.Name.ShouldBe(vgName);
            vg.SizeBytes.ShouldBe(pv.SizeBytes);
            vg.PvCount.ShouldBe(1);
            vg.LvCount.ShouldBe(0);
        }
        finally
        {
            Tool.Run("vgremove", ["-f", "--devices", loop, vgName], check: false, env: QuietLvm);
            Tool.Run("pvremove", ["--devices", loop, loop], check: false, env: QuietLvm);
            Tool.Run("losetup", "-d", loop);
        }
    }

    [Fact]
    public void AnUnassignedPvHasAnEmptyVgName()
    {
        var parsed = LvmReportParser.ParseSeparated("  /dev/sdb1||lvm2|---|1048576|1048576\n", ["pv_name", "vg_name", "pv_fmt", "pv_attr", "pv_size", "pv_free"]);
        parsed.Issues.ShouldBeEmpty();
        LvmReportParser.PhysicalVolumes(parsed.Value).ShouldHaveSingleItem().VgName.ShouldBe("");
    }

    [Theory]
    [InlineData("  /dev/sda3|vg\n", "2 values for 3 fields")]
    [InlineData("  /dev/sda3|vg|lvm2|extra\n", "4 values for 3 fields")]
    public void SeparatedRowsOfTheWrongWidthBecomeIssues(string text, string problem)
    {
        LvmReportParser.ParseSeparated(text, ["pv_name", "vg_name", "pv_fmt"]).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "no \"report\" array")]
    [InlineData("{\"report\": [{\"pv\": [{\"pv_name\": 5}]}]}", "is not a string")]
    [InlineData("{\"report\": [{\"pv\": [7]}]}", "not an object")]
    public void BadJsonBecomesIssues(string json, string problem)
    {
        LvmReportParser.ParseJson(json, "pv").Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            LvmReportParser.ParseJson(garbage, "pv").Issues.ShouldNotBeEmpty();
            LvmReportParser.ParseSeparated(garbage, PvFields).Issues.ShouldNotBeEmpty();
        }

        LvmReportParser.ParseJson(new string('[', 100_000), "pv").Issues.ShouldNotBeEmpty();
    }

    private static string Mebibytes(long bytes) =>
        (bytes / 1048576m).ToString("0.00", CultureInfo.InvariantCulture) + "m";

    private static string Lvm(string tool, params string[] args) => Tool.Run(tool, args, env: QuietLvm).Stdout;
}
