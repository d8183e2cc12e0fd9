using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// The journal and the saved plan: JSON round trips, and the fixed snippets run by the real sh of this machine
/// (through <see cref="LocalHost"/>, exactly as they run over SSH): appends land on the running root and on mounted
/// extra roots only, and what is saved reads back as the same plan.
/// </summary>
public sealed class JournalTests
{
    private const string Hostile = "it's \"quoted\" $(touch /tmp/pwned) `id` \\ back\nslash; ünïcode ✓";

    private static readonly JournalEntry Sample = new("0123456789abcdef", "copy-root-live", PlanPhase.BuildMirror, JournalResult.Done,
        new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), new DateTime(2026, 3, 4, 5, 8, 9, DateTimeKind.Utc), 122.5, Hostile, "detail");

    [Fact]
    public void AnEntryIsOneJsonLineAndReadsBackEqual()
    {
        var line = ExecutionJson.Serialize(Sample);

        line.ShouldNotContain('\n');
        line.ShouldContain("\"result\":\"done\"");
        line.ShouldContain("\"phase\":\"build-mirror\"");
        line.ShouldContain("\"start\":\"2026-03-04T05:06:07Z\"");
        ExecutionJson.ParseEntry(line).ShouldBe(Sample);
        ExecutionJson.ParseEntry(ExecutionJson.Serialize(Sample with { Result = JournalResult.RolledBack }))!.Result.ShouldBe(JournalResult.RolledBack);
    }

    [Fact]
    public void ATornLastLineIsLeftOut()
    {
        var line = ExecutionJson.Serialize(Sample);

        Journal.Parse(line + "\n" + line[..20]).ShouldBe([Sample]);
        Journal.Parse("not json\n\n" + line + "\n").ShouldBe([Sample]);
    }

    [Fact]
    public async Task TheHostAppendWritesTheRunningRootAndEveryMountedExtraRootOnly()
    {
        File.ReadAllLines("/proc/mounts").Any(l => l.Split(' ')[1] == "/dev/shm").ShouldBeTrue("this test needs /dev/shm as a mount point (a tmpfs)");
        using var dir = new TempDir();
        var state = dir.File("state");
        var notMounted = dir.File("new-root");
        Directory.CreateDirectory(notMounted);
        var onShm = "/dev/shm" + state;
        try
        {
            using var host = new LocalHost(TimeSpan.FromSeconds(30));
            var journal = new Journal(dir.File("local/journal.jsonl"), new HostStateLocation(state, ["/dev/shm", notMounted]));
            var second = Sample with { Step = "copy-root-final", Output = "'; rm -rf / #" };

            (await journal.AppendAsync(host, Sample, CancellationToken.None)).ShouldBeNull();
            (await journal.AppendAsync(host, second, CancellationToken.None)).ShouldBeNull();

            string[] expected = [ExecutionJson.Serialize(Sample), ExecutionJson.Serialize(second)];
            File.ReadAllLines(Path.Combine(state, "journal.jsonl")).ShouldBe(expected);
            File.ReadAllLines(Path.Combine(onShm, "journal.jsonl")).ShouldBe(expected);
            File.ReadAllLines(dir.File("local/journal.jsonl")).ShouldBe(expected);
            Directory.Exists(notMounted + state).ShouldBeFalse("a root that is not mounted gets nothing (its directory is the old root's)");
            File.Exists("/tmp/pwned").ShouldBeFalse();
        }
        finally
        {
            Directory.Delete("/dev/shm" + dir.Path, recursive: true);
        }
    }

    [Fact]
    public async Task AFailedHostAppendIsAWarningAndTheLocalLineIsKept()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "");
        using var host = new LocalHost(TimeSpan.FromSeconds(30));
        var journal = new Journal(dir.File("journal.jsonl"), new HostStateLocation(dir.File("file") + "/state", []));

        var problem = await journal.AppendAsync(host, Sample, CancellationToken.None);

        problem.ShouldBe($"the host's journal was not written in {dir.File("file")}/state");
        Journal.ReadLocal(dir.File("journal.jsonl")).ShouldBe([Sample]);
    }

    [Fact]
    public async Task TheSavedPlanAndTheJournalReadBackFromTheHost()
    {
        using var dir = new TempDir();
        using var host = new LocalHost(TimeSpan.FromSeconds(30));
        var location = new HostStateLocation(dir.File("state"), []);
        var plan = SampleHost.Load("lab-debian").Plan(createSr: true).Plan!;
        var saved = new SavedConversion(new PlanOptions("/dev/sdb", CreateSr: true), plan, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        var empty = await HostStateStore.ReadAsync(host, location, CancellationToken.None);
        (empty.Saved, empty.Entries.Count, empty.Problem).ShouldBe((null, 0, null));
        (await HostStateStore.SaveAsync(host, location, saved, CancellationToken.None)).ShouldBeNull();
        var entry = Sample with { Plan = PlanIdentity.Of(plan) };
        await new Journal(dir.File("local.jsonl"), location).AppendAsync(host, entry, CancellationToken.None);
        var state = await HostStateStore.ReadAsync(host, location, CancellationToken.None);

        state.Problem.ShouldBeNull();
        state.Saved!.Options.ShouldBe(saved.Options);
        state.Saved.Started.ShouldBe(saved.Started);
        PlanIdentity.Of(state.Saved.Plan).ShouldBe(PlanIdentity.Of(plan), "the plan read back is the same plan, byte for byte as JSON");
        state.Entries.ShouldBe([entry]);
        state.EntriesOfSavedPlan.ShouldBe([entry]);
    }

    [Fact]
    public async Task AnUnreadablePlanFileIsAProblemNotANewStart()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("state"));
        File.WriteAllText(dir.File("state/plan.json"), "{\"not\": \"a plan\"}");
        using var host = new LocalHost(TimeSpan.FromSeconds(30));

        var state = await HostStateStore.ReadAsync(host, new HostStateLocation(dir.File("state"), []), CancellationToken.None);

        state.Saved.ShouldBeNull();
        state.Problem.ShouldNotBeNull().ShouldContain("plan.json is not a plan xsraid wrote");
    }

    [Fact]
    public void ThePlanIdentityFollowsThePlan()
    {
        var sample = SampleHost.Load("lab-debian");
        var a = sample.Plan(createSr: true).Plan!;

        PlanIdentity.Of(sample.Plan(createSr: true).Plan!).ShouldBe(PlanIdentity.Of(a));
        PlanIdentity.Of(sample.Plan(createSr: false).Plan!).ShouldNotBe(PlanIdentity.Of(a));
        PlanIdentity.Of(a).Length.ShouldBe(16);
    }
}
