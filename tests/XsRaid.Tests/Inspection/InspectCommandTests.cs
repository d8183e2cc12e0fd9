using System.Text.Json;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>`xsraid inspect --json` on a disk made by the real tools, every field checked against sgdisk and blkid.</summary>
public sealed class InspectCommandTests : IClassFixture<InspectCommandTests.Image>
{
    private readonly HostDiskImage _image;

    public InspectCommandTests(Image image) => _image = image.Disk;

    [Fact]
    public void JsonDescribesTheDiskAsTheToolsDo()
    {
        var run = CliRun.Of("inspect", "--json", _image.Path);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(run.Out);
        var disk = doc.RootElement.GetProperty("disks")[0];
        disk.GetProperty("path").GetString().ShouldBe(_image.Path);
        disk.GetProperty("sizeBytes").GetInt64().ShouldBe(new FileInfo(_image.Path).Length);
        disk.GetProperty("logicalSectorSize").GetInt32().ShouldBe(512);
        disk.GetProperty("bootCode").GetString().ShouldBe("syslinux-gptmbr");

        var table = disk.GetProperty("partitionTable");
        var blkidDisk = BlkidExport.Probe(_image.Path);
        table.GetProperty("type").GetString().ShouldBe(blkidDisk["PTTYPE"]);
        table.GetProperty("diskGuid").GetString().ShouldBe(blkidDisk["PTUUID"].ToUpperInvariant());

        var partitions = table.GetProperty("partitions");
        partitions.GetArrayLength().ShouldBe(3);
        foreach (var p in partitions.EnumerateArray())
        {
            var number = p.GetProperty("number").GetInt32();
            var info = SgdiskInfo(number);
            p.GetProperty("firstLba").GetInt64().ShouldBe(long.Parse(info["First sector"].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            p.GetProperty("lastLba").GetInt64().ShouldBe(long.Parse(info["Last sector"].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            p.GetProperty("typeGuid").GetString().ShouldBe(info["Partition GUID code"].Split(' ')[0]);
            p.GetProperty("uniqueGuid").GetString().ShouldBe(info["Partition unique GUID"]);
            p.GetProperty("name").GetString().ShouldBe(info["Partition name"].Trim('\''));
            p.GetProperty("legacyBiosBootable").GetBoolean().ShouldBe(info["Attribute flags"] == "0000000000000004");

            var content = p.GetProperty("content");
            var blkid = _image.Blkid(number);
            var expectedType = blkid["TYPE"] switch
            {
                "LVM2_member" => "lvm2-pv",
                var t => t,
            };
            content.GetProperty("type").GetString().ShouldBe(expectedType);
            content.GetProperty("uuid").GetString().ShouldBe(blkid["UUID"]);
            if (blkid.TryGetValue("LABEL", out var label))
            {
                content.GetProperty("label").GetString().ShouldBe(label);
            }
        }

        partitions[0].GetProperty("typeName").GetString().ShouldBe("Microsoft basic data");
        partitions[2].GetProperty("content").GetProperty("vgName").GetString().ShouldBe(_image.VgName);
        disk.GetProperty("content").GetProperty("type").GetString().ShouldBe("unknown");
    }

    [Fact]
    public void TableNamesEveryPartitionAndItsContent()
    {
        var run = CliRun.Of("inspect", _image.Path);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Console.ShouldContain("boot code: syslinux-gptmbr");
        run.Console.ShouldContain("table: gpt");
        run.Console.ShouldContain("ext3 label root-abcdefgh");
        run.Console.ShouldContain("swap label swap-xs");
        run.Console.ShouldContain($"lvm2-pv uuid");
        run.Console.ShouldContain($"vg {_image.VgName}");
    }

    private Dictionary<string, string> SgdiskInfo(int number)
    {
        var text = Tool.Run("sgdisk", "-i", number.ToString(System.Globalization.CultureInfo.InvariantCulture), _image.Path).Stdout;
        return text.Split('\n').Select(l => l.Split(':', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);
    }

    public sealed class Image : IDisposable
    {
        public HostDiskImage Disk { get; } = new();

        public void Dispose() => Disk.Dispose();
    }
}
