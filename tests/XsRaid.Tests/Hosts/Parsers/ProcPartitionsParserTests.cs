using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class ProcPartitionsParserTests
{
    [Fact]
    public void TheCaptureAgreesWithLsblkOfTheSameMoment()
    {
        var parsed = ProcPartitionsParser.Parse(Fixtures.Text("outputs/proc-partitions.txt"));
        parsed.Issues.ShouldBeEmpty();
        var lsblk = LsblkFixture.PairsRows();
        parsed.Value.Count.ShouldBe(55);

        foreach (var partition in parsed.Value)
        {
            var row = lsblk.First(r => r.Get("KNAME") == partition.Name);
            // /proc/partitions prints KiB rounded down (sdo1 is 30687 sectors = 15343.5 KiB).
            partition.Blocks.ShouldBe(row.GetLong("SIZE")!.Value / 1024, partition.Name);
        }

        // Every device lsblk saw with a size is in /proc/partitions (md21 was stopped: size 0, not listed).
        foreach (var row in lsblk.Where(r => r.GetLong("SIZE") > 0))
        {
            parsed.Value.ShouldContain(p => p.Name == row.Get("KNAME"));
        }
    }

    [Fact]
    public void LiveProcPartitionsAgreesWithLsblk()
    {
        var parsed = ProcPartitionsParser.Parse(File.ReadAllText("/proc/partitions"));
        parsed.Issues.ShouldBeEmpty();
        var lsblk = PairsOutputParser.Parse(Tool.Run("lsblk", "-P", "-b", "-o", "KNAME,MAJ:MIN,SIZE").Stdout).Value;
        parsed.Value.Count.ShouldBeGreaterThan(0);
        foreach (var partition in parsed.Value)
        {
            var row = lsblk.FirstOrDefault(r => r.Get("KNAME") == partition.Name);
            if (row is null)
            {
                continue; // a loop device another test detached between the two reads
            }

            row.Get("MAJ:MIN").ShouldBe($"{partition.Major}:{partition.Minor}");
        }

        parsed.Value.Count(p => lsblk.Any(r => r.Get("KNAME") == p.Name)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("major minor  #blocks  name\n\n   8  x  16 sda\n", "not 'major minor #blocks name'")]
    [InlineData("major minor  #blocks  name\n   8  0  16\n", "not 'major minor #blocks name'")]
    [InlineData("   8  0  16 sda\n", "no 'major minor")]
    public void MalformedInputBecomesIssues(string text, string problem)
    {
        ProcPartitionsParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            ProcPartitionsParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
