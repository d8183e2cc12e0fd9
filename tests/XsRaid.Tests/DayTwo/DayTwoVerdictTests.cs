using XsRaid.DayTwo;
using XsRaid.Execution;
using XsRaid.Health;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Tests.DayTwo;

/// <summary>
/// How a day-2 run ends: each command answers for the findings it repairs (`alerts` for alerting, `heal` for boot code,
/// initrds and mdadm.conf); a degraded array it does not repair is reported with `xsraid replace`, not failed on
/// (seen in the lab: `alerts` on the degraded host set everything up and then exited 1). `replace` answers for the host.
/// </summary>
public sealed class DayTwoVerdictTests
{
    private static readonly HostFacts Degraded = HostFactsReader.Read(DegradedHost.Snapshot("lab-debian"));

    private static DayTwoPlan Alerts() => AlertsPlanner.Plan(Degraded, new AlertsOptions(null, "/usr/local/sbin/md-event", Test: true)).Plan!;

    private static DayTwoPlan Heal() => HealPlanner.Plan(Degraded).Plan!;

    private static DayTwoPlan Replace() => ReplacePlanner.Plan(Degraded, new ReplaceOptions("/dev/sdb", Missing: true)).Plan!;

    private static CheckReport Report(params CheckFinding[] findings) => new("lab", null,
        findings.Any(f => f.State == FindingState.Critical) ? CheckState.Critical
        : findings.Any(f => f.State == FindingState.Warning) ? CheckState.Warning : CheckState.Ok,
        "summary", [], findings);

    private static readonly CheckFinding Degradedmd0 = new(FindingState.Critical, "array-degraded", "md0", "md0 degraded", "degraded: 1 of 2 members in sync");
    private static readonly CheckFinding NoAlerting = new(FindingState.Warning, "no-alerting", "mdadm.conf", "no alerting", "no MAILADDR or PROGRAM");
    private static readonly CheckFinding Alerting = new(FindingState.Ok, "alerting", "mdadm.conf", "alerting configured", "alerts go to root");
    private static readonly CheckFinding NoBootCode = new(FindingState.Critical, "no-boot-code", "/dev/sdb", "sdb cannot boot", "no boot code in its MBR");

    [Fact]
    public void Alerts_on_a_degraded_host_completes_and_names_replace()
    {
        var outcome = DayTwoVerdict.Judge(Alerts(), Report(Degradedmd0, Alerting));
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        outcome.Message.ShouldContain("check says CRITICAL");
        outcome.Message.ShouldContain("xsraid replace");
    }

    [Fact]
    public void Alerts_fails_when_alerting_is_still_missing()
    {
        var outcome = DayTwoVerdict.Judge(Alerts(), Report(NoAlerting));
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        outcome.Message.ShouldContain("no MAILADDR or PROGRAM");
    }

    [Fact]
    public void Heal_fails_on_a_disk_still_without_boot_code_but_not_on_a_degraded_array()
    {
        DayTwoVerdict.Judge(Heal(), Report(NoBootCode, Alerting)).Kind.ShouldBe(ConvertOutcomeKind.Failed);
        DayTwoVerdict.Judge(Heal(), Report(Degradedmd0, Alerting)).Kind.ShouldBe(ConvertOutcomeKind.Completed);
    }

    [Fact]
    public void Replace_answers_for_the_whole_host()
    {
        DayTwoVerdict.Judge(Replace(), Report(Degradedmd0, Alerting)).Kind.ShouldBe(ConvertOutcomeKind.Failed);
        var warned = DayTwoVerdict.Judge(Replace(), Report(NoAlerting));
        warned.Kind.ShouldBe(ConvertOutcomeKind.Completed, warned.Message);
        warned.Message.ShouldNotContain("not what");
    }
}
