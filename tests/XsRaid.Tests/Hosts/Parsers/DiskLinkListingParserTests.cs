using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class DiskLinkListingParserTests
{
    [Theory]
    [InlineData("by-id")]
    [InlineData("by-uuid")]
    [InlineData("by-partuuid")]
    [InlineData("by-label")]
    [InlineData("by-path")]
    public void EveryCapturedLinkNamesADeviceLsblkSaw(string directory)
    {
        var text = Fixtures.Text($"outputs/ls-l-dev-disk-{directory}.txt");
        var parsed = DiskLinkListingParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Count.ShouldBe(text.Split('\n').Count(l => l.StartsWith('l')));
        parsed.Value.Count.ShouldBeGreaterThan(0);
        var lsblk = LsblkFixture.PairsRows();
        foreach (var link in parsed.Value)
        {
            link.Target.ShouldBe("../../" + link.Device);
            lsblk.ShouldContain(r => r.Get("KNAME") == link.Device, link.Name);
        }
    }

    [Fact]
    public void LinkNamesCarryWhatLsblkReportsForTheirDevice()
    {
        var lsblk = LsblkFixture.PairsRows();
        string? Column(string device, string column) => lsblk.First(r => r.Get("KNAME") == device).Get(column);

        foreach (var link in Links("by-uuid"))
        {
            Column(link.Device, "UUID").ShouldBe(link.Name);
        }

        foreach (var link in Links("by-partuuid"))
        {
            Column(link.Device, "PARTUUID").ShouldBe(link.Name);
        }

        foreach (var link in Links("by-label"))
        {
            Column(link.Device, "LABEL").ShouldBe(link.DecodedName);
        }

        var lvs = LvmReportParser.LogicalVolumes(LvmReportParser.ParseJson(Fixtures.Text("outputs/lvs-json.json"), "lv").Value);
        var vgUuid = LvmReportParser.VolumeGroups(LvmReportParser.ParseJson(Fixtures.Text("outputs/vgs-json.json"), "vg").Value).Single().Uuid!;
        var ids = Links("by-id");
        foreach (var link in ids)
        {
            // A partition's id is its disk's id + "-partN"; the serial and WWN are the disk's.
            var disk = Column(link.Device, "TYPE") == "part" ? Column(link.Device, "PKNAME")! : link.Device;
            var suffix = disk == link.Device ? "" : "-part" + link.Device[disk.Length..];
            var members = lsblk.Where(r => r.Get("KNAME") == link.Device).Select(r => r.Get("PKNAME")!).ToList();
            var expected = link.Name[..(link.Name.IndexOf('-', StringComparison.Ordinal) + 1)] switch
            {
                "scsi-" when link.Name.StartsWith("scsi-0QEMU", StringComparison.Ordinal) => "scsi-0QEMU_QEMU_HARDDISK_" + Column(disk, "SERIAL") + suffix,
                "scsi-" => "scsi-3" + Column(disk, "WWN")![2..] + suffix, // NAA WWN, SCSI id type 3
                "wwn-" => "wwn-" + Column(disk, "WWN") + suffix,
                "lvm-" => "lvm-pv-uuid-" + Column(link.Device, "UUID"),
                "dm-" when link.Name.StartsWith("dm-name-", StringComparison.Ordinal) => "dm-name-" + Column(link.Device, "NAME"),
                "dm-" => "dm-uuid-LVM-" + vgUuid.Replace("-", "", StringComparison.Ordinal)
                    + lvs.Single(l => l.DmPath == "/dev/mapper/" + Column(link.Device, "NAME")).Uuid!.Replace("-", "", StringComparison.Ordinal),
                // md links name the array by what its members' superblocks say (lsblk shows it as the members' LABEL/UUID).
                "md-" when link.Name.StartsWith("md-name-", StringComparison.Ordinal) => "md-name-" + Column(members[0], "LABEL"),
                "md-" => "md-uuid-" + string.Join(':', Column(members[0], "UUID")!.Replace("-", "", StringComparison.Ordinal).Chunk(8).Select(c => new string(c))),
                _ => null,
            };
            link.Name.ShouldBe(expected, link.Name);
        }

        ids.Count.ShouldBeGreaterThan(60);
    }

    [Fact]
    public void ReadsTheDevMdListing()
    {
        var link = DiskLinkListingParser.Parse(Fixtures.Text("outputs/ls-l-dev-md.txt")).Value.ShouldHaveSingleItem();
        link.ShouldBe(new DiskLink("33", "../md33", "md33"));
    }

    [Fact]
    public void BothFormsOfALiveListingAgreeWithTheFileSystem()
    {
        using var dir = new TempDir();
        var links = Path.Combine(dir.Path, "by-id");
        Directory.CreateDirectory(links);
        File.CreateSymbolicLink(Path.Combine(links, "wwn-0x5000c5009a3b1c01"), "../../sda");
        File.CreateSymbolicLink(Path.Combine(links, "wwn-0x5000c5009a3b1c01-part1"), "../../sda1");
        File.CreateSymbolicLink(Path.Combine(links, @"my\x20label"), "/dev/md0");
        File.WriteAllText(Path.Combine(links, "not-a-link"), "");

        var ls = DiskLinkListingParser.Parse(Tool.Run("ls", "-l", links).Stdout);
        var find = DiskLinkListingParser.Parse(Tool.Run("sh", "-c", DiskLinkListingParser.FindCommand("\"$1\""), "sh", links).Stdout);
        ls.Issues.ShouldHaveSingleItem().Text.ShouldContain("not-a-link"); // ls -l lists the plain file too
        find.Issues.ShouldBeEmpty();

        foreach (var listing in new[] { ls.Value, find.Value })
        {
            listing.Count.ShouldBe(3);
            foreach (var link in listing)
            {
                link.Target.ShouldBe(new FileInfo(Path.Combine(links, link.Name)).LinkTarget);
            }
        }

        find.Value.OrderBy(l => l.Name, StringComparer.Ordinal).ShouldBe(ls.Value.OrderBy(l => l.Name, StringComparer.Ordinal));
        find.Value.Single(l => l.Device == "md0").DecodedName.ShouldBe("my label");
    }

    [Theory]
    [InlineData("sda\n", "not 'NAME -> TARGET'")]
    [InlineData("two words -> ../../sda\n", "or an 'ls -l' symlink line")]
    [InlineData("name -> \n", "not 'NAME -> TARGET'")]
    public void MalformedLinesBecomeIssues(string text, string problem)
    {
        DiskLinkListingParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            DiskLinkListingParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }

    private static IReadOnlyList<DiskLink> Links(string directory) =>
        DiskLinkListingParser.Parse(Fixtures.Text($"outputs/ls-l-dev-disk-{directory}.txt")).Value;
}
