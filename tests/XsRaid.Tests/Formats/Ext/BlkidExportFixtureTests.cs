using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>
/// The blkid export parser on blkid's real output from the fixture guest, checked against other captures of the
/// same devices (udev's /dev/disk/by-* links, the non-probing blkid, the GPT, the mkfs command).
/// </summary>
public sealed class BlkidExportFixtureTests
{
    private static Dictionary<string, string> Export(string name) => BlkidExport.Parse(Fixtures.Text($"outputs/{name}"));

    [Fact]
    public void The_ext3_root_partition_agrees_with_the_cached_blkid_and_udev_links()
    {
        var probed = Export("blkid-p-o-export-sda1-ext3.txt");
        var cached = Export("blkid-o-export-sda1-ext3.txt");

        probed["TYPE"].ShouldBe("ext3");
        probed["USAGE"].ShouldBe("filesystem");
        foreach (var key in new[] { "TYPE", "LABEL", "UUID", "BLOCK_SIZE" })
        {
            probed[key].ShouldBe(cached[key]);
        }

        probed["PART_ENTRY_NAME"].ShouldBe(cached["PARTLABEL"]);
        probed["PART_ENTRY_UUID"].ShouldBe(cached["PARTUUID"]);
        UdevLinkTarget("ls-l-dev-disk-by-uuid.txt", probed["UUID"]).ShouldBe("sda1");
        UdevLinkTarget("ls-l-dev-disk-by-label.txt", probed["LABEL"]).ShouldBe("sda1");
    }

    [Fact]
    public void The_ext4_on_md30_has_the_label_it_was_made_with()
    {
        var probed = Export("blkid-p-o-export-md30-ext4.txt");
        var mkfs = Fixtures.Text("outputs/commands.txt").Split('\n').Single(l => l.StartsWith("mkfs.ext4", StringComparison.Ordinal));
        var words = mkfs.Split(' ');

        probed["TYPE"].ShouldBe("ext4");
        probed["LABEL"].ShouldBe(words[Array.IndexOf(words, "-L") + 1]);
        probed["DEVNAME"].ShouldBe(words[^1]);
        UdevLinkTarget("ls-l-dev-disk-by-uuid.txt", probed["UUID"]).ShouldBe("md30");
    }

    [Fact]
    public void Backslash_escapes_are_removed()
    {
        var pv = Export("blkid-p-o-export-sda3-lvm-pv.txt");

        Fixtures.Text("outputs/blkid-p-o-export-sda3-lvm-pv.txt").ShouldContain(@"VERSION=LVM2\ 001");
        pv["VERSION"].ShouldBe("LVM2 001");
    }

    [Fact]
    public void A_partition_with_nothing_on_it_has_no_type()
    {
        var empty = Export("blkid-p-o-export-sda2-empty.txt");

        empty.ContainsKey("TYPE").ShouldBeFalse();
        empty["PART_ENTRY_NAME"].ShouldBe("backup");
    }

    [Fact]
    public void Lines_without_a_key_are_refused()
    {
        Should.Throw<FormatException>(() => BlkidExport.Parse("TYPE=ext4\nnonsense\n"));
    }

    /// <summary>The device a /dev/disk/by-* link named <paramref name="name"/> points to, from `ls -l`.</summary>
    private static string UdevLinkTarget(string listing, string name)
    {
        var line = Fixtures.Text($"outputs/{listing}").Split('\n').Single(l => l.Contains($" {name} -> ", StringComparison.Ordinal));
        return line[(line.LastIndexOf('/') + 1)..].Trim();
    }
}
