using System.Globalization;
using System.Text.Json;
using XsRaid.Tests.Formats.Md;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>
/// md members made by the real md driver (the fixtures), seen through `inspect`: an md 0.90/1.0 member also shows the
/// array's filesystem at its start, and is reported as an md member with that filesystem inside.
/// </summary>
public sealed class InspectMdMemberTests
{
    [Theory]
    [InlineData("meta090-clean", "0.90")]
    [InlineData("meta10-clean", "1.0")]
    public void MemberWithAFilesystemInsideIsAnMdMember(string fixtureCase, string version)
    {
        using var dir = new TempDir();
        var member = new MdFixtureMember(fixtureCase, 0);
        var path = Fixtures.GunzipTo(member.Image, dir);
        var examine = member.CapturedExamine;
        var arrayKiB = examine.Number("Array Size");
        Tool.Run("mke2fs", "-q", "-F", "-t", "ext3", "-L", "inside-md", path, arrayKiB.ToString(CultureInfo.InvariantCulture) + "k");
        Tool.Run("mdadm", "--examine", path).Stdout.ShouldContain("Raid Level : raid1", Case.Insensitive, "mke2fs must not have touched the superblock");

        var run = CliRun.Of("inspect", "--json", path);
        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var disk = doc.RootElement.GetProperty("disks")[0];
        disk.GetProperty("partitionTable").GetProperty("type").ValueKind.ShouldBe(JsonValueKind.Null);
        var content = disk.GetProperty("content");
        var blkid = BlkidExport.Probe(path);
        blkid["TYPE"].ShouldBe("linux_raid_member");
        content.GetProperty("type").GetString().ShouldBe("md-member");
        content.GetProperty("mdVersion").GetString().ShouldBe(version);
        content.GetProperty("arrayUuid").GetString().ShouldBe(version == "0.90" ? examine.WithoutLocalRemark("UUID").Trim() : examine["Array UUID"]);
        content.GetProperty("arrayUuid").GetString()!.Replace(":", "", StringComparison.Ordinal)
            .ShouldBe(blkid["UUID"].Replace("-", "", StringComparison.Ordinal));
        content.GetProperty("level").GetString().ShouldBe("raid1");
        content.GetProperty("raidDevices").GetInt32().ShouldBe(2);
        content.GetProperty("role").GetInt32().ShouldBe(0);
        content.GetProperty("events").GetUInt64().ShouldBe((ulong)examine.Number("Events"));
        var inner = content.GetProperty("inner");
        inner.GetProperty("type").GetString().ShouldBe("ext3");
        inner.GetProperty("label").GetString().ShouldBe("inside-md");
    }

    [Fact]
    public void MemberPartitionOfARealGptDisk()
    {
        using var dir = new TempDir();
        var path = Fixtures.GunzipTo("md/meta10-on-partition/disk-0.img.gz", dir);
        var examine = new MdFixtureMember("meta10-on-partition", 0).CapturedExamine;
        var run = CliRun.Of("inspect", "--json", path);
        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var table = doc.RootElement.GetProperty("disks")[0].GetProperty("partitionTable");
        table.GetProperty("type").GetString().ShouldBe("gpt");
        var p1 = table.GetProperty("partitions")[0];
        p1.GetProperty("typeName").GetString().ShouldBe("Linux RAID");
        p1.GetProperty("name").GetString().ShouldBe("fx-md-a");
        var content = p1.GetProperty("content");
        content.GetProperty("type").GetString().ShouldBe("md-member");
        content.GetProperty("mdVersion").GetString().ShouldBe("1.0");
        content.GetProperty("arrayUuid").GetString().ShouldBe(examine["Array UUID"]);
        content.GetProperty("name").GetString().ShouldBe(examine.WithoutLocalRemark("Name").Trim());
        content.GetProperty("events").GetUInt64().ShouldBe((ulong)examine.Number("Events"));
    }
}
