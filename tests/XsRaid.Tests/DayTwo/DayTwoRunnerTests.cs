using XsRaid.DayTwo;
using XsRaid.Execution;
using XsRaid.Formats;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;
using XsRaid.Tests.Execution;
using XsRaid.Tests.Health;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.DayTwo;

/// <summary>
/// A replacement carried out by the conversion's executor on a scripted host: steps in order, done ones skipped on a
/// second run, journal lines on the host under the plan's id, and the end judged as `check` judges the host then.
/// </summary>
public sealed class DayTwoRunnerTests
{
    private static readonly Func<HostFacts, DayTwoResult> Planner = facts => ReplacePlanner.Plan(facts, new ReplaceOptions("/dev/sdb", Missing: true));

    private static (DayTwoRunner Runner, FakeHost Host, DayTwoPlan Plan, RecordingEvents Events) Setup(TempDir dir, HostSnapshot atEnd, bool recheck = false)
    {
        var degraded = DegradedHost.Snapshot("lab-debian");
        var plan = Planner(HostFactsReader.Read(degraded)).Plan!;
        var host = new FakeHost(plan.Steps);
        var events = new RecordingEvents();
        // with the re-check the first probe is the re-check's (the host as planned), every later one the host at the end
        var probes = recheck ? 0 : 1;
        var runner = new DayTwoRunner(host, new ConvertSettings(dir.File("journal.jsonl")) { PollInterval = TimeSpan.FromMilliseconds(10) }, events,
            (_, _) => Task.FromResult(ReadResult<HostSnapshot>.Ok(probes++ == 0 ? degraded : atEnd)));
        return (runner, host, plan, events);
    }

    [Fact]
    public async Task Every_step_runs_in_order_and_a_healthy_end_completes()
    {
        using var dir = new TempDir();
        var (runner, host, plan, _) = Setup(dir, ConvertedHost.Snapshot, recheck: true);
        var outcome = await runner.RunAsync(plan, Planner, recheck: true, CancellationToken.None);
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        outcome.Message.ShouldContain("check says");
        var order = new[] { plan.Step("partition-new-disk").Commands[0], plan.Step("add-md0").Commands[1], plan.Step("add-md2").Commands[1],
            plan.Step("wait-resync").Commands[0], plan.Step("boot-code-new-disk").Commands[0] }.Select(c => host.Calls.IndexOf(FakeHost.Key(c))).ToList();
        order.ShouldAllBe(i => i >= 0);
        order.ShouldBeInOrder();
        host.JournalLines.ShouldNotBeEmpty();
        host.JournalLines.ShouldAllBe(l => l.Contains(DayTwoJson.Identity(plan), StringComparison.Ordinal));
        Journal.ReadLocal(dir.File("journal.jsonl")).Select(e => e.Step).ShouldContain("add-md2");
    }

    [Fact]
    public async Task A_second_run_skips_what_the_host_shows_done()
    {
        using var dir = new TempDir();
        var (runner, host, plan, events) = Setup(dir, ConvertedHost.Snapshot);
        var first = await runner.RunAsync(plan, Planner, recheck: false, CancellationToken.None);
        first.Kind.ShouldBe(ConvertOutcomeKind.Completed, first.Message);
        host.Calls.Clear();
        var second = await runner.RunAsync(plan, Planner, recheck: false, CancellationToken.None);
        second.Kind.ShouldBe(ConvertOutcomeKind.Completed, second.Message);
        host.Calls.ShouldNotContain(FakeHost.Key(plan.Step("add-md0").Commands[1]));
        host.Calls.ShouldNotContain(FakeHost.Key(plan.Step("partition-new-disk").Commands[0]));
        events.All.OfType<StepFinished>().Count(e => e.Outcome.Result == StepResult.AlreadyDone).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_host_still_degraded_at_the_end_is_a_failure()
    {
        using var dir = new TempDir();
        var (runner, _, plan, _) = Setup(dir, DegradedHost.Snapshot("lab-debian"));
        var outcome = await runner.RunAsync(plan, Planner, recheck: false, CancellationToken.None);
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        outcome.Message.ShouldContain("CRITICAL");
    }

    [Fact]
    public async Task A_failing_step_stops_the_run()
    {
        using var dir = new TempDir();
        var (runner, host, plan, _) = Setup(dir, ConvertedHost.Snapshot);
        host.Fail(argv => argv.SequenceEqual(plan.Step("add-md1").Commands[1].Argv), 1, "mdadm: add new device failed\n");
        var outcome = await runner.RunAsync(plan, Planner, recheck: false, CancellationToken.None);
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        outcome.Failure!.Step.Id.ShouldBe("add-md1");
        host.Calls.ShouldNotContain(FakeHost.Key(plan.Step("add-md2").Commands[1]));
    }
}
