using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class ProcMountsParserTests
{
    [Fact]
    public void TheCaptureAgreesWithLsblkMountpoints()
    {
        var text = Fixtures.Text("outputs/proc-mounts.txt");
        var parsed = ProcMountsParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Count.ShouldBe(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var lsblk = LsblkFixture.PairsRows();

        // lsblk lists an array once under each member, so md30 appears twice.
        var mounted = lsblk.Where(r => r.Get("MOUNTPOINT") is { Length: > 0 }).DistinctBy(r => r.Get("KNAME")).ToList();
        mounted.Count.ShouldBe(2);
        foreach (var row in mounted)
        {
            var entry = parsed.Value.Single(m => m.MountPoint == row.Get("MOUNTPOINT"));
            entry.Device.ShouldBe("/dev/" + row.Get("KNAME"));
            entry.FsType.ShouldBe(row.Get("FSTYPE"));
        }

        foreach (var entry in parsed.Value.Where(m => m.Device.StartsWith("/dev/", StringComparison.Ordinal)))
        {
            lsblk.First(r => "/dev/" + r.Get("KNAME") == entry.Device)
                .Get("MOUNTPOINT").ShouldBe(entry.MountPoint);
        }
    }

    [Fact]
    public void TheCaptureAgreesWithFindmntReadingTheSameFile()
    {
        AgreesWithFindmnt(Fixtures.PathOf("outputs/proc-mounts.txt"));
    }

    [Fact]
    public void LiveMountsWithBlanksInTheirPathAgreeWithFindmnt()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "xsraid mount\twith blanks");
        Directory.CreateDirectory(target);
        Tool.Run("mount", "-t", "tmpfs", "-o", "size=1m,ro", "xsraid-test", target);
        try
        {
            var snapshot = Path.Combine(dir.Path, "mounts");
            File.WriteAllText(snapshot, File.ReadAllText("/proc/mounts"));
            var entry = ProcMountsParser.Parse(File.ReadAllText(snapshot)).Value.Single(m => m.Device == "xsraid-test");
            entry.MountPoint.ShouldBe(target);
            entry.IsReadOnly.ShouldBeTrue();
            AgreesWithFindmnt(snapshot);
        }
        finally
        {
            Tool.Run("umount", target);
        }
    }

    [Fact]
    public void MalformedLinesBecomeIssues()
    {
        var parsed = ProcMountsParser.Parse("/dev/sda1 / ext3 rw 0\nproc /proc proc rw x 0\n/dev/sdb1 /b ext4 rw 0 0\n");
        parsed.Issues.Select(i => i.Line).ShouldBe([1, 2]);
        parsed.Value.ShouldHaveSingleItem().MountPoint.ShouldBe("/b");
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            ProcMountsParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }

    /// <summary>libmount (findmnt -F FILE --mtab) is the second, independent reader of the same file.</summary>
    private static void AgreesWithFindmnt(string path)
    {
        var parsed = ProcMountsParser.Parse(File.ReadAllText(path));
        parsed.Issues.ShouldBeEmpty();
        var findmnt = PairsOutputParser.Parse(
            Tool.Run("findmnt", "-F", path, "--mtab", "-P", "-o", "SOURCE,TARGET,FSTYPE,OPTIONS,FREQ,PASSNO").Stdout);
        findmnt.Issues.ShouldBeEmpty();
        findmnt.Value.Count.ShouldBe(parsed.Value.Count);
        for (var i = 0; i < parsed.Value.Count; i++)
        {
            var (mine, theirs) = (parsed.Value[i], findmnt.Value[i]);
            mine.Device.ShouldBe(theirs.Get("SOURCE"));
            mine.MountPoint.ShouldBe(theirs.Get("TARGET"));
            mine.FsType.ShouldBe(theirs.Get("FSTYPE"));
            string.Join(',', mine.Options).ShouldBe(theirs.Get("OPTIONS"));
            mine.Dump.ShouldBe((int)theirs.GetLong("FREQ")!.Value);
            mine.Pass.ShouldBe((int)theirs.GetLong("PASSNO")!.Value);
        }
    }
}
