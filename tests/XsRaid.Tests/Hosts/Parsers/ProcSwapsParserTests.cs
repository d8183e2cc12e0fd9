using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class ProcSwapsParserTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ALiveSwapFileWithABlankInItsNameAgreesWithSwapon()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "xsraid swap.001");
        File.WriteAllBytes(file, new byte[32 * 1024 * 1024]); // swapon refuses sparse files
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Tool.Run("mkswap", file);
        Tool.Run("swapon", "--priority", "7", file);
        string text;
        try
        {
            text = File.ReadAllText("/proc/swaps");
        }
        finally
        {
            Tool.Run("swapoff", file);
        }

        var parsed = ProcSwapsParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        var mine = parsed.Value.Single(s => s.Filename == file);
        mine.Type.ShouldBe("file");
        mine.Priority.ShouldBe(7);
        // The kernel's size is the usable swap (file size less the header page), in KiB.
        mine.SizeKiB.ShouldBeInRange(32 * 1024 - 8, 32 * 1024);
        mine.UsedKiB.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void AnEmptyTableIsJustTheHeader()
    {
        var parsed = ProcSwapsParser.Parse("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.ShouldBeEmpty();
    }

    [Fact]
    public void ReadsTheXenServerSwapFileRow()
    {
        // XenServer 6.x swaps to /var/swap/swap.001 (host-installer prepareSwapfile); row format of
        // Linux 2.6.18's swap_show: "%-39s %s\t%d\t%ld\t%d".
        var parsed = ProcSwapsParser.Parse(
            "Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/var/swap/swap.001                      file\t\t524280\t0\t-1\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.ShouldBe([new SwapEntry("/var/swap/swap.001", "file", 524280, 0, -1)]);
    }

    [Theory]
    [InlineData("/dev/sda2 partition 100 0 -1\n", "no 'Filename")]
    [InlineData("Filename Type Size Used Priority\n/dev/sda2 partition 100 0\n", "not 'filename type")]
    [InlineData("Filename Type Size Used Priority\n/dev/sda2 partition big 0 -1\n", "not 'filename type")]
    public void MalformedInputBecomesIssues(string text, string problem)
    {
        ProcSwapsParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            ProcSwapsParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
