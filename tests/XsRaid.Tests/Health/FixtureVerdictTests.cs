using XsRaid.Health;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Health;

/// <summary>
/// `check` over every /proc/mdstat state the real md driver produced (Fixtures/md: mdstat snapshots with the
/// mdadm --detail taken right after each, and the per-case captures): the main finding of each array, the verdict,
/// and above all that a degraded array is never OK.
/// </summary>
public sealed class FixtureVerdictTests
{
    private const FindingState C = FindingState.Critical;
    private const FindingState W = FindingState.Warning;
    private const FindingState O = FindingState.Ok;

    /// <summary>fixture → each array's main finding ("code:state"), the worst first; and the verdict of the arrays alone.</summary>
    public static TheoryData<string, string, CheckState> MdstatStates => new()
    {
        { "raid0-inactive-one-member-incremental", "md33=array-inactive md36=array-clean md35=array-running md34=array-clean md32=array-clean md31=array-clean md30=array-clean", CheckState.Critical },
        { "raid0-started-by-incremental", "md33=array-running md36=array-clean md35=array-running md34=array-clean md32=array-clean md31=array-clean md30=array-clean", CheckState.Warning },
        { "raid1-check-in-progress", "md20=array-checking md21=array-clean", CheckState.Warning },
        { "raid1-clean-and-raid1-degraded-bitmap", "md20=array-clean md21=array-degraded", CheckState.Critical },
        { "raid1-member-failed", "md20=member-faulty md20=array-degraded md21=array-degraded", CheckState.Critical },
        { "raid1-member-removed-degraded", "md20=array-degraded md21=array-degraded", CheckState.Critical },
        { "raid1-recovery-after-add", "md20=array-recovering md21=array-degraded", CheckState.Critical },
        { "raid1-resync-in-progress", "md20=array-resyncing", CheckState.Warning },
        { "raid5-after-reshape", "md36=array-clean md35=array-running md34=array-clean md33=array-running md32=array-clean md31=array-clean md30=array-clean", CheckState.Warning },
        { "raid5-reshape-3-to-4-in-progress", "md36=array-clean md35=array-running md34=array-clean md33=array-running md32=array-clean md31=array-reshaping md30=array-clean", CheckState.Warning },
        { "resync-interrupted-then-assembled", "md20=array-resync-waiting md21=array-degraded", CheckState.Critical },
        { "resync-resumed-after-readwrite", "md20=array-resyncing md21=array-degraded", CheckState.Critical },
        { "several-arrays-clean", "md36=array-clean md35=array-running md34=array-clean md33=array-running md32=array-clean md31=array-clean md30=array-clean", CheckState.Warning },
        { "several-arrays-resync-delayed", "md36=array-resync-waiting md35=array-running md34=array-resync-waiting md33=array-running md32=array-resync-waiting md31=array-recovery-waiting md30=array-resyncing", CheckState.Warning },
        { "two-arrays-clean-one-with-bitmap", "md20=array-clean md21=array-clean", CheckState.Warning },
        { "two-arrays-recovery-one-with-bitmap", "md20=array-recovering md21=array-recovering", CheckState.Warning },
        { "two-arrays-resync-and-degraded-bitmap", "md21=array-degraded md20=array-resyncing", CheckState.Critical },
    };

    [Theory]
    [MemberData(nameof(MdstatStates))]
    public void EachMdstatStateGetsItsVerdict(string fixture, string expected, CheckState verdict)
    {
        var snapshot = WithMdstat(Fixtures.Text($"md/mdstat/{fixture}.txt"), DetailsOf(fixture));

        var report = HealthCheck.Check(snapshot, new CheckOptions());

        MainFindings(report).ShouldBe(expected);
        ArraysOnly(report).ShouldBe(verdict);
        NeverOkWhenDegraded(report);
    }

    [Fact]
    public void TheTableCoversEveryMdstatFixture()
    {
        var files = Directory.GetFiles(Fixtures.PathOf("md/mdstat"), "*.txt").Select(Path.GetFileNameWithoutExtension)
            .Where(f => File.ReadAllText(Fixtures.PathOf($"md/mdstat/{f}.txt")).StartsWith("Personalities", StringComparison.Ordinal));
        MdstatStates.Select(row => (string)row[0]).Order().ShouldBe(files.Order());
    }

    /// <summary>Each case directory: its mdstat with its mdadm --detail, and meta12-failed-member's capture between --fail and --remove.</summary>
    [Theory]
    [InlineData("meta090-clean", "mdstat.txt", "detail.txt", "md1=array-clean")]
    [InlineData("meta090-degraded", "mdstat.txt", "detail.txt", "md2=array-degraded")]
    [InlineData("meta10-clean", "mdstat.txt", "detail.txt", "md3=array-clean")]
    [InlineData("meta10-bitmap", "mdstat.txt", "detail.txt", "md4=array-clean")]
    [InlineData("meta11-clean", "mdstat.txt", "detail.txt", "md5=array-clean")]
    [InlineData("meta12-clean", "mdstat.txt", "detail.txt", "md6=array-clean")]
    [InlineData("meta12-degraded-bitmap", "mdstat.txt", "detail.txt", "md7=array-degraded")]
    [InlineData("meta12-failed-member", "mdstat.txt", "detail.txt", "md8=array-degraded")]
    [InlineData("meta12-failed-member", "mdstat-after-fail.txt", "detail-after-fail.txt", "md8=member-faulty md8=array-degraded")]
    [InlineData("meta12-failed-member", "mdstat-before-fail.txt", "detail-before-fail.txt", "md8=array-clean")]
    [InlineData("meta10-on-partition", "mdstat.txt", "detail.txt", "md9=array-clean")]
    public void EachCaseGetsItsVerdict(string dir, string mdstat, string detail, string expected)
    {
        var text = Fixtures.Text($"md/{dir}/{mdstat}");
        var array = text.Split('\n').First(l => l.StartsWith("md", StringComparison.Ordinal)).Split(' ')[0];
        var report = HealthCheck.Check(WithMdstat(text, new() { [array] = Fixtures.Text($"md/{dir}/{detail}") }), new CheckOptions());

        MainFindings(report).ShouldBe(expected);
        NeverOkWhenDegraded(report);
        report.Arrays.Single().Uuid.ShouldNotBeNull("the UUID comes from the array's mdadm --detail");
    }

    [Fact]
    public void ADegradedArrayIsCriticalEvenWhenOnlyMdadmDetailSaysSo()
    {
        // /proc/mdstat of the clean array, mdadm --detail taken after the member failed: the sources disagree, the worse one wins
        var snapshot = WithMdstat(Fixtures.Text("md/meta12-failed-member/mdstat-before-fail.txt"),
            new() { ["md8"] = Fixtures.Text("md/meta12-failed-member/detail-after-fail.txt") });

        var report = HealthCheck.Check(snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Critical);
        report.Findings.Select(f => f.Code).ShouldContain("array-degraded");
        report.Findings.Select(f => f.Code).ShouldContain("member-faulty");
    }

    [Fact]
    public void ADegradedArrayIsCriticalEvenWhenOnlySysfsSaysSo()
    {
        var snapshot = WithMdstat(Fixtures.Text("md/meta12-clean/mdstat.txt"), []);
        snapshot = snapshot with { Files = new Dictionary<string, string>(snapshot.Files) { ["/sys/block/md6/md/degraded"] = "1\n" } };

        var report = HealthCheck.Check(snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Critical);
        report.Findings.Single(f => f.Subject == "md6" && f.Code.StartsWith("array-", StringComparison.Ordinal)).Code.ShouldBe("array-degraded");
    }

    private static void NeverOkWhenDegraded(CheckReport report)
    {
        foreach (var array in report.Arrays.Where(a => a.Degraded || a.Health.Members.Any(m => m.EndsWith("(F)", StringComparison.Ordinal))))
        {
            report.Findings.Where(f => f.Subject == array.Name && f.Code.StartsWith("array-", StringComparison.Ordinal))
                .ShouldAllBe(f => f.State == FindingState.Warning || f.State == FindingState.Critical, $"{array.Name} is degraded");
            report.State.ShouldNotBe(CheckState.Ok);
        }
    }

    /// <summary>"md20=array-degraded md21=array-clean": each array's state findings (not mismatch or bitmap), in the kernel's order.</summary>
    private static string MainFindings(CheckReport report) =>
        string.Join(' ', report.Findings.Where(f => f.Code is "member-faulty" || f.Code.StartsWith("array-", StringComparison.Ordinal))
            .Select(f => $"{f.Subject}={f.Code}"));

    /// <summary>The verdict from the arrays' findings alone (this bare snapshot has no mdadm.conf, disks or initrd).</summary>
    private static CheckState ArraysOnly(CheckReport report) =>
        HealthCheck.Verdict(report.Findings.Where(f => report.Arrays.Any(a => a.Name == f.Subject)));

    private static Dictionary<string, string> DetailsOf(string fixture) =>
        Directory.GetFiles(Fixtures.PathOf("md/detail-snapshots"), fixture + "--md*.txt")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f).Split("--")[1], File.ReadAllText);

    /// <summary>A bare snapshot: /proc/mdstat and each array's mdadm --detail as the probe captures them.</summary>
    internal static HostSnapshot WithMdstat(string mdstat, Dictionary<string, string> details) => new(
        new Dictionary<string, string> { ["hostname"] = "xshost", ["firmware"] = "bios" },
        new Dictionary<string, string> { ["/proc/mdstat"] = mdstat },
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        [],
        details.ToDictionary(kv => "mdadm-detail-" + kv.Key, kv => new CommandCapture("mdadm-detail-" + kv.Key, 0, kv.Value)));
}
