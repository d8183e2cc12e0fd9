using XsRaid.DayTwo;
using XsRaid.Health;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;
using XsRaid.Tests.Health;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.DayTwo;

/// <summary>`alerts`: the plan for each sample (golden), its options, and that `check` agrees with what it writes.</summary>
public sealed class AlertsTests
{
    public static TheoryData<string> Samples() => new("xenserver-6.5", "lab-debian");

    private static CliRun Cli(HostSnapshot snapshot, params string[] args)
    {
        using var dir = new TempDir();
        SnapshotStore.Save(snapshot, dir.File("snap")).ShouldBeNull();
        return CliRun.Of(["alerts", "--snapshot", dir.File("snap"), .. args]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Golden_plans(string sample)
    {
        var snapshot = DegradedHost.Whole(sample).Snapshot;
        var table = Cli(snapshot, "--mail", "ops@example.org", "--test");
        table.ExitCode.ShouldBe(0, table.Console + table.Error);
        Golden.Verify($"alerts-{sample}.txt", table.Console);
        var json = Cli(snapshot, "--mail", "ops@example.org", "--test", "--json");
        json.ExitCode.ShouldBe(0, json.Error);
        Golden.Verify($"alerts-{sample}.json", json.Out);
        var script = Cli(snapshot, "--mail", "ops@example.org", "--test", "--script");
        script.ExitCode.ShouldBe(0, script.Error);
        Golden.Verify($"alerts-{sample}.sh", script.Out);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("alerts.sh"), script.Out);
        var lint = Tool.Run("shellcheck", ["--shell=bash", dir.File("alerts.sh")], check: false);
        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
    }

    [Fact]
    public void The_monitor_service_is_the_platforms()
    {
        var xen = AlertsPlanner.Plan(HostFactsReader.Read(DegradedHost.Whole("xenserver-6.5").Snapshot), new AlertsOptions(null, "/usr/local/bin/page-me", false)).Plan!;
        xen.Step("alerts-enable-monitor").Commands.Single().Argv.ShouldBe(["chkconfig", "mdmonitor", "on"]);
        xen.Step("alerts-restart-monitor").Commands.Single().Argv.ShouldBe(["service", "mdmonitor", "restart"]);
        xen.Step("alerts-mdadm-conf").Commands.Single().Argv.TakeLast(3).ShouldBe(["/etc/mdadm.conf", "PROGRAM", "/usr/local/bin/page-me"]);
        xen.Steps.Select(s => s.Id).ShouldNotContain("alerts-test");

        var debian = AlertsPlanner.Plan(HostFactsReader.Read(DegradedHost.Whole("lab-debian").Snapshot), new AlertsOptions("root", null, true)).Plan!;
        debian.Step("alerts-restart-monitor").Commands.Single().Argv.ShouldBe(["systemctl", "restart", "mdmonitor"]);
        debian.Step("alerts-initrd").Commands.Single().Argv.ShouldBe(["update-initramfs", "-u", "-k", "6.1.0-50-amd64"]);
        debian.Step("alerts-test").Commands.Single().Argv.ShouldBe(["mdadm", "--monitor", "--scan", "--oneshot", "--test"]);
    }

    [Theory]
    [InlineData]
    [InlineData("--mail", "a@b", "--program", "/bin/x")]
    [InlineData("--program", "relative/path")]
    [InlineData("--mail", "a b")]
    public void Where_alerts_go_must_be_named_once(params string[] args)
    {
        CliRun.Of(["alerts", "--sample", "lab-debian", .. args]).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_host_without_arrays_is_refused()
    {
        var run = CliRun.Of("alerts", "--sample", "lab-debian", "--mail", "root");
        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain(DayTwoRules.NoMirror);
    }

    [Theory]
    [InlineData("MAILADDR", "ops@example.org")]
    [InlineData("PROGRAM", "/usr/local/bin/page-me")]
    public void Check_reports_alerting_once_the_line_is_set(string key, string value)
    {
        using var dir = new TempDir();
        var conf = dir.File("mdadm.conf");
        var without = ConvertedHost.MdadmConf.Replace("MAILADDR root\n", "", StringComparison.Ordinal);
        File.WriteAllText(conf, without);
        Finding(without).ShouldBe("no-alerting");
        Sh(HealSnippets.ConfHasLine, conf, key, value).ExitCode.ShouldNotBe(0);

        Sh(HealSnippets.ConfSetLine, conf, key, value).ExitCode.ShouldBe(0);

        Sh(HealSnippets.ConfHasLine, conf, key, value).ExitCode.ShouldBe(0);
        var written = File.ReadAllText(conf);
        written.ShouldBe(without + $"{key} {value}\n");
        Finding(written).ShouldBe("alerting");
    }

    [Fact]
    public void Setting_the_mail_address_replaces_the_one_there()
    {
        using var dir = new TempDir();
        var conf = dir.File("mdadm.conf");
        File.WriteAllText(conf, ConvertedHost.MdadmConf + "MAILADDR old@example.org\n");
        Sh(HealSnippets.ConfSetLine, conf, "MAILADDR", "ops@example.org").ExitCode.ShouldBe(0);
        File.ReadAllText(conf).ShouldBe(ConvertedHost.MdadmConf.Replace("MAILADDR root", "MAILADDR ops@example.org", StringComparison.Ordinal));
    }

    private static Tool.Result Sh(string snippet, params string[] args) => Tool.Run("sh", ["-c", snippet, "sh", .. args], check: false);

    private static string Finding(string conf) =>
        HealthCheck.Check(ConvertedHost.Load().WithFile("/etc/mdadm/mdadm.conf", conf).Snapshot, new CheckOptions())
            .Findings.Single(f => f.Code is "alerting" or "no-alerting").Code;
}
