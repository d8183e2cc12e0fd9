using XsRaid.DayTwo;
using XsRaid.Execution;
using XsRaid.Formats;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;
using XsRaid.Tests.Execution;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.DayTwo;

/// <summary>`heal`: the plan for each sample (golden), the kernels it covers, and that a healthy host runs no step's command.</summary>
public sealed class HealTests
{
    public static TheoryData<string> Samples() => new("xenserver-6.5", "lab-debian");

    private static CliRun Cli(HostSnapshot snapshot, params string[] args)
    {
        using var dir = new TempDir();
        SnapshotStore.Save(snapshot, dir.File("snap")).ShouldBeNull();
        return CliRun.Of(["heal", "--snapshot", dir.File("snap"), .. args]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Golden_plans(string sample)
    {
        var snapshot = DegradedHost.Whole(sample).Snapshot;
        var table = Cli(snapshot);
        table.ExitCode.ShouldBe(0, table.Console + table.Error);
        Golden.Verify($"heal-{sample}.txt", table.Console);
        var json = Cli(snapshot, "--json");
        json.ExitCode.ShouldBe(0, json.Error);
        Golden.Verify($"heal-{sample}.json", json.Out);
        var script = Cli(snapshot, "--script");
        script.ExitCode.ShouldBe(0, script.Error);
        Golden.Verify($"heal-{sample}.sh", script.Out);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("heal.sh"), script.Out);
        var lint = Tool.Run("shellcheck", ["--shell=bash", dir.File("heal.sh")], check: false);
        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
    }

    [Fact]
    public void Steps_cover_mdadm_conf_first_then_each_kernel_then_boot_code_on_both_disks()
    {
        var plan = HealPlanner.Plan(HostFactsReader.Read(DegradedHost.Whole("xenserver-6.5").Snapshot)).Plan!;
        // the running kernel, then the boot config's names (3.10-xen and fallback are links on XenServer: their checks hold without /lib/modules)
        plan.Steps.Select(s => s.Id).ShouldBe(["mdadm-conf", "initrd-3.10.0+2", "initrd-3.10-xen", "initrd-fallback", "boot-code-sda", "boot-code-sdb"]);
        plan.Step("initrd-3.10.0+2").Commands.Single().Argv.ShouldBe(["mkinitrd", "-f", "--with=raid1", "/boot/initrd-3.10.0+2.img", "3.10.0+2"]);
        plan.Step("mdadm-conf").Commands.Single().Argv.ShouldContain("/etc/mdadm.conf");
        plan.Steps.ShouldAllBe(s => s.DoneWhen != null && s.Phase == PlanPhase.Heal);
    }

    [Fact]
    public void A_disk_whose_member_is_not_complete_gets_no_boot_code()
    {
        var plan = HealPlanner.Plan(HostFactsReader.Read(DegradedHost.Load("lab-debian").Snapshot)).Plan!;
        plan.Steps.Select(s => s.Id).ShouldNotContain("boot-code-sdb");
        plan.Steps.Select(s => s.Id).ShouldContain("boot-code-sda");
    }

    [Fact]
    public void An_unmirrored_host_is_refused()
    {
        var run = CliRun.Of("heal", "--sample", "lab-debian");
        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain(DayTwoRules.NoMirror);
    }

    private static async Task<(FakeHost Host, DayTwoPlan Plan, ConvertOutcome Outcome)> RunAsync(Action<FakeHost, DayTwoPlan> arrange)
    {
        using var dir = new TempDir();
        var snapshot = DegradedHost.Whole("lab-debian").Snapshot;
        var plan = HealPlanner.Plan(HostFactsReader.Read(snapshot)).Plan!;
        var host = new FakeHost(plan.Steps);
        arrange(host, plan);
        var runner = new DayTwoRunner(host, new ConvertSettings(dir.File("journal.jsonl")), new RecordingEvents(),
            (_, _) => Task.FromResult(ReadResult<HostSnapshot>.Ok(Health.ConvertedHost.Snapshot)));
        return (host, plan, await runner.RunAsync(plan, HealPlanner.Plan, recheck: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_healthy_host_runs_nothing()
    {
        var (host, plan, outcome) = await RunAsync((host, plan) =>
        {
            foreach (var step in plan.Steps)
            {
                host.Effects.Add(FakeHost.Key(step.DoneWhen!.Command));
            }
        });
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var commands = plan.Steps.SelectMany(s => s.Commands).Select(FakeHost.Key).ToHashSet();
        host.Calls.Where(commands.Contains).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_what_is_broken_is_repaired()
    {
        var (host, plan, outcome) = await RunAsync((host, plan) =>
        {
            foreach (var step in plan.Steps.Where(s => s.Id != "boot-code-sdb"))
            {
                host.Effects.Add(FakeHost.Key(step.DoneWhen!.Command));
            }
        });
        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var ran = plan.Steps.Where(s => s.Commands.Any(c => host.Calls.Contains(FakeHost.Key(c)))).Select(s => s.Id);
        ran.ShouldBe(["boot-code-sdb"]);
    }
}
