using System.Text.Json;
using System.Text.RegularExpressions;
using XsRaid.Cli.Rendering;
using XsRaid.Health;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Health;

/// <summary>
/// What `xsraid check` prints and how it exits: the plugin line and its perfdata format, the detail lines, --json,
/// --prometheus (golden files), and the exit code of each state through the real command line.
/// </summary>
public sealed partial class CheckOutputTests
{
    [Theory]
    [InlineData("healthy")]
    [InlineData("md0-recovering")]
    [InlineData("degraded-and-no-boot-code")]
    [InlineData("md2-check-running")]
    public void TheTextFollowsThePluginFormat(string damage)
    {
        var report = HealthCheck.Check(DamageVerdictTests.Damage(damage).Snapshot, new CheckOptions());
        var lines = CheckTextRenderer.Render(report).TrimEnd('\n').Split('\n');

        var first = FirstLine().Match(lines[0]);
        first.Success.ShouldBeTrue(lines[0]);
        first.Groups["state"].Value.ShouldBe(report.State.ToString().ToUpperInvariant());
        foreach (var item in first.Groups["perf"].Value.Split(' '))
        {
            PerfItem().IsMatch(item).ShouldBeTrue($"'{item}' is not 'label'=value[UOM];warn;crit;min;max");
        }

        lines.Length.ShouldBe(1 + report.Findings.Count, "one detail line per finding");
        lines.Skip(1).ShouldAllBe(l => DetailLine().IsMatch(l));
        Golden.Verify($"check-{damage}.txt", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void PerfdataHasEachArraysFigures()
    {
        var report = HealthCheck.Check(DamageVerdictTests.Damage("md0-recovering").WithSys("md0", "mismatch_cnt", "0").Snapshot, new CheckOptions());

        CheckPerfdata.Format(report).ShouldBe(
            "'arrays'=2;;;0; 'md2_in_sync'=2;;;0;2 'md2_failed'=0;;0;0; 'md2_mismatch_cnt'=0;0;;0; " +
            "'md0_in_sync'=1;;;0;2 'md0_failed'=0;;0;0; 'md0_mismatch_cnt'=0;0;;0; 'md0_sync'=7.9%;;;0;100");
    }

    [Fact]
    public void TheJsonHasStableNames()
    {
        var report = HealthCheck.Check(DamageVerdictTests.Damage("degraded-and-no-boot-code").Snapshot, new CheckOptions());
        var json = CheckJsonRenderer.Render(report);

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("state").GetString().ShouldBe("critical");
        doc.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(2);
        doc.RootElement.GetProperty("arrays").GetArrayLength().ShouldBe(2);
        doc.RootElement.GetProperty("findings")[0].GetProperty("state").GetString().ShouldBe("critical");
        Golden.Verify("check-degraded-and-no-boot-code.json", json);
    }

    [Fact]
    public void ThePrometheusTextfileHasEveryArray()
    {
        var report = HealthCheck.Check(DamageVerdictTests.Damage("md0-recovering").Snapshot, new CheckOptions());
        var text = CheckPrometheusRenderer.Render(report);

        text.ShouldContain("xsraid_check_state 1\n");
        text.ShouldContain("xsraid_md_degraded{device=\"md0\"} 1\n");
        text.ShouldContain("xsraid_md_sync_percent{device=\"md0\",action=\"recovery\"} 7.9\n");
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            PromLine().IsMatch(line).ShouldBeTrue(line);
        }

        Golden.Verify("check-md0-recovering.prom", text);
    }

    public static TheoryData<string, int> ExitCodes => new()
    {
        { "healthy", 0 },
        { "md0-recovering", 1 },
        { "md0-mismatch", 1 },
        { "md0-degraded", 2 },
        { "sdb-boot-code-zeroed", 2 },
    };

    [Theory]
    [MemberData(nameof(ExitCodes))]
    public void TheCommandExitsWithTheVerdict(string damage, int exit)
    {
        using var dir = new TempDir();
        SnapshotStore.Save(DamageVerdictTests.Damage(damage).Snapshot, dir.File("snap"));
        var prom = dir.File("xsraid.prom");

        var run = CliRun.Of("check", "--snapshot", dir.File("snap"), "--prometheus", prom);

        run.ExitCode.ShouldBe(exit, run.Out + run.Error);
        run.Out.ShouldStartWith("XSRAID " + (HealthStateName(exit)) + " - ");
        File.ReadAllText(prom).ShouldContain($"xsraid_check_state {exit}\n");
        File.Exists(prom + ".tmp").ShouldBeFalse();

        var json = CliRun.Of("check", "--snapshot", dir.File("snap"), "--json");
        json.ExitCode.ShouldBe(exit);
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(exit);
    }

    [Theory]
    [InlineData("lab-debian")]
    [InlineData("xenserver-6.5")]
    public void TheUnconvertedSamplesAreUnknownUnlessNoArraysAreExpected(string sample)
    {
        var run = CliRun.Of("check", "--sample", sample);
        run.ExitCode.ShouldBe(3);
        run.Out.ShouldStartWith("XSRAID UNKNOWN - no md arrays | 'arrays'=0;;;0;\n");

        CliRun.Of("check", "--sample", sample, "--expect-none").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void AHostThatCannotBeProbedIsUnknown()
    {
        using var dir = new TempDir();
        var prom = dir.File("xsraid.prom");

        var run = CliRun.Of("check", "--probe-output", dir.File("missing.txt"), "--prometheus", prom);

        run.ExitCode.ShouldBe(3);
        run.Out.ShouldStartWith("XSRAID UNKNOWN - no probe: ");
        run.Out.ShouldContain("missing.txt");
        run.Error.ShouldContain("missing.txt");
        File.ReadAllText(prom).ShouldContain("xsraid_check_state 3\n", customMessage: "a stale metrics file must not keep saying OK");
    }

    [Fact]
    public void AMetricsFileThatCannotBeWrittenIsUnknown()
    {
        var run = CliRun.Of("check", "--sample", "lab-debian", "--expect-none", "--prometheus", "/nonexistent-dir/xsraid.prom");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("cannot write the metrics to /nonexistent-dir/xsraid.prom");
    }

    [Fact]
    public void AMistakeOnTheCommandLineIsAUsageError()
    {
        var run = CliRun.Of("check", "--sample", "lab-debian", "--local");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("name one host");
    }

    private static string HealthStateName(int exit) => ((CheckState)exit).ToString().ToUpperInvariant();

    [GeneratedRegex(@"^XSRAID (?<state>OK|WARNING|CRITICAL|UNKNOWN) - (?<summary>[^|]+) \| (?<perf>.+)$")]
    private static partial Regex FirstLine();

    [GeneratedRegex(@"^'[^'=]+'=-?[0-9]+(\.[0-9]+)?(%|s|ms|us|B|KB|MB|TB|c)?;[^; ]*;[^; ]*;[^; ]*;[^; ]*$")]
    private static partial Regex PerfItem();

    [GeneratedRegex(@"^(OK|NOTE|WARNING|CRITICAL|UNKNOWN) [^:|]+: [^|]+$")]
    private static partial Regex DetailLine();

    [GeneratedRegex(@"^(# (HELP|TYPE) xsraid_[a-z_]+ .+|xsraid_[a-z_]+(\{[a-z_]+=""[^""]*""(,[a-z_]+=""[^""]*"")*\})? -?[0-9.]+)$")]
    private static partial Regex PromLine();
}
