using System.Globalization;
using System.Text.Json;
using XsRaid.Formats.Lvm;
using XsRaid.Tests.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>The pvs parser and LVM's UUID form, on the fixture guest's real XenServer-style SR PV (sda3).</summary>
public sealed class LvmFixtureTests
{
    // The capture's column list (outputs/capture-commands.txt).
    private const int VgName = 1;
    private const int PvUuid = 6;
    private const int DevSize = 7;
    private const int PeStart = 8;

    private static string[] PvsRow()
    {
        var rows = PvsReport.Parse(Fixtures.Text("outputs/pvs-noheadings.txt"));
        rows.Count.ShouldBe(1);
        return rows[0];
    }

    [Fact]
    public void The_capture_command_names_the_columns_used_here()
    {
        var capture = Fixtures.Text("outputs/capture-commands.txt");

        capture.ShouldContain("-o pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free,pv_uuid,dev_size,pe_start > pvs-noheadings.txt");
    }

    [Fact]
    public void Pvs_uuid_and_size_agree_with_blkid_and_the_gpt_entry()
    {
        var row = PvsRow();
        var blkid = BlkidExport.Parse(Fixtures.Text("outputs/blkid-p-o-export-sda3-lvm-pv.txt"));

        row[0].ShouldBe(blkid["DEVNAME"]);
        row[PvUuid].ShouldBe(blkid["UUID"]);
        blkid["TYPE"].ShouldBe("LVM2_member");
        ulong.Parse(row[DevSize], CultureInfo.InvariantCulture)
            .ShouldBe(ulong.Parse(blkid["PART_ENTRY_SIZE"], CultureInfo.InvariantCulture) * 512);
        ulong.Parse(row[PeStart], CultureInfo.InvariantCulture).ShouldBe(1024ul * 1024);
    }

    [Fact]
    public void Pvs_vg_name_agrees_with_vgs_and_the_vgcreate_command()
    {
        var row = PvsRow();
        using var vgs = JsonDocument.Parse(Fixtures.Text("outputs/vgs-json.json"));
        var vg = vgs.RootElement.GetProperty("report")[0].GetProperty("vg")[0];
        var vgcreate = Fixtures.Text("outputs/commands.txt").Split('\n').Single(l => l.StartsWith("vgcreate ", StringComparison.Ordinal));

        row[VgName].ShouldBe(vg.GetProperty("vg_name").GetString());
        row[VgName].ShouldBe(vgcreate.Split(' ')[1]);
        row[VgName].ShouldStartWith("VG_XenStorage-");
    }

    [Fact]
    public void Lvm_uuid_form_round_trips_the_real_pv_and_vg_uuids()
    {
        using var vgs = JsonDocument.Parse(Fixtures.Text("outputs/vgs-json.json"));
        var vgUuid = vgs.RootElement.GetProperty("report")[0].GetProperty("vg")[0].GetProperty("vg_uuid").GetString()!;

        foreach (var printed in new[] { PvsRow()[PvUuid], vgUuid })
        {
            var raw = printed.Replace("-", "", StringComparison.Ordinal);
            LvmUuid.IsValid(raw).ShouldBeTrue();
            LvmUuid.Format(raw).ShouldBe(printed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("28BbtKksXfHRypmAmrK5Hu5FPdMTBai")]
    [InlineData("28BbtKksXfHRypmAmrK5Hu5FPdMTBaiS1")]
    [InlineData("28BbtK-ksXf-HRyp-mAmr-K5Hu-5FPd")]
    [InlineData("28BbtKksXfHRypmAmrK5Hu5FPdMTBa\0S")]
    public void Identifiers_that_are_not_32_lvm_characters_are_not_valid(string raw)
    {
        LvmUuid.IsValid(raw).ShouldBeFalse();
    }
}
