using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Execution;

/// <summary>
/// Kernel names can trade places across a reboot (the lab saw sda and sdb swap): the runner finds the disks again by
/// their /dev/disk/by-id names before each phase and carries the plan over to their names now. Run for real over
/// SSH: a scratch directory stands for /dev (files for the disks) and for /dev/disk/by-id (symlinks).
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class RenamedDisksTests(SshdFixture sshd)
{
    [Fact]
    public async Task PhaseTwoWritesToTheOriginalDiskUnderItsNewName()
    {
        using var dev = new ScratchDevices();
        var plan = dev.Plan(PlanPhase.JoinMirror);
        dev.Link("disk-a", "sdb");   // after the reboot disk A answers as sdb ...
        dev.Link("disk-b", "sda");   // ... and disk B as sda

        var (outcome, events) = await RunAsync(dev, plan);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        File.ReadAllText(dev.Path("sdb")).ShouldBe("original disk\n", "the original disk is now sdb");
        File.ReadAllText(dev.Part("sdb")).ShouldBe("member\n");
        File.ReadAllText(dev.Path("sda")).ShouldBe("", "the mirror's disk is now sda: nothing meant for the original disk lands there");
        File.Exists(dev.Part("sda")).ShouldBeFalse();
        events.Of<ConvertNotice>().ShouldContain(n => n.Text.Contains($"{dev.Path("sda")} is now {dev.Path("sdb")}", StringComparison.Ordinal));
        outcome.Message.ShouldContain($"mirror of {dev.Path("sdb")} and {dev.Path("sda")}");
    }

    [Fact]
    public async Task PhaseOneAfterAPowerCutWritesToTheNewDiskUnderItsNewName()
    {
        using var dev = new ScratchDevices();
        var plan = dev.Plan(PlanPhase.BuildMirror);
        dev.Link("disk-a", "sdb");
        dev.Link("disk-b", "sda");

        var (outcome, _) = await RunAsync(dev, plan);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed, "the stand-in reboot command fails; phase 1 ran before it");
        outcome.Failure!.Step.Id.ShouldBe("reboot");
        File.ReadAllText(dev.Path("sda")).ShouldBe("new disk\n", "the new disk is now sda");
        File.ReadAllText(dev.Part("sda")).ShouldBe("member\n");
        File.ReadAllText(dev.Path("sdb")).ShouldBe("");
    }

    [Fact]
    public async Task NamesThatStillAgreeChangeNothing()
    {
        using var dev = new ScratchDevices();
        var plan = dev.Plan(PlanPhase.JoinMirror);
        dev.Link("disk-a", "sda");
        dev.Link("disk-b", "sdb");

        var (outcome, events) = await RunAsync(dev, plan);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        File.ReadAllText(dev.Path("sda")).ShouldBe("original disk\n");
        File.ReadAllText(dev.Path("sdb")).ShouldBe("");
        events.Of<ConvertNotice>().ShouldNotContain(n => n.Text.Contains("renamed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADiskWhoseByIdNameIsGoneStopsBeforeAnyWrite()
    {
        using var dev = new ScratchDevices();
        var plan = dev.Plan(PlanPhase.JoinMirror);
        dev.Link("disk-b", "sdb");

        var (outcome, _) = await RunAsync(dev, plan);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.HostChanged, outcome.Message);
        outcome.Message.ShouldContain($"the original disk {dev.ById}/disk-a (planned as {dev.Path("sda")}) is not on the host any more");
        outcome.Message.ShouldContain("runs from the mirror");
        File.ReadAllText(dev.Path("sda")).ShouldBe("");
        File.ReadAllText(dev.Path("sdb")).ShouldBe("");
    }

    [Fact]
    public async Task BothNamesOnOneDiskStopBeforeAnyWrite()
    {
        using var dev = new ScratchDevices();
        var plan = dev.Plan(PlanPhase.JoinMirror);
        dev.Link("disk-a", "sdb");
        dev.Link("disk-b", "sdb");

        var (outcome, _) = await RunAsync(dev, plan);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.HostChanged, outcome.Message);
        outcome.Message.ShouldContain($"both disks' by-id names point at {dev.Path("sdb")}");
        File.ReadAllText(dev.Path("sdb")).ShouldBe("");
    }

    private async Task<(ConvertOutcome Outcome, RecordingEvents Events)> RunAsync(ScratchDevices dev, ConversionPlan plan)
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_renamed", sshd.Server.KnownHostsLine());
        using var ssh = await SshHost.ConnectAsync(sshd.Server.Options(knownHosts, identityFile: sshd.Server.ClientKey), CancellationToken.None);
        var settings = new ConvertSettings(dev.Path("local.jsonl")) { HostState = new HostStateLocation(dev.Path("state"), []), ByIdDirectory = dev.ById, StepPidFile = dev.Path("step.pid") };
        var events = new RecordingEvents();
        var outcome = await new ConvertRunner(ConvertConnection.For(ssh), settings, events)
            .ExecuteAsync(plan, new PlanOptions(plan.Target.Device), HostConversionState.None, CancellationToken.None);
        return (outcome, events);
    }

    /// <summary>Files sda, sdb stand for the disks; by-id/ holds the links; the plan's steps append to the files.</summary>
    private sealed class ScratchDevices : IDisposable
    {
        private readonly TempDir _dir = new();

        public ScratchDevices()
        {
            File.WriteAllText(Path("sda"), "");
            File.WriteAllText(Path("sdb"), "");
            Directory.CreateDirectory(ById);
        }

        public string ById => _dir.File("by-id");

        public string Path(string name) => _dir.File(name);

        /// <summary>Partition 1 of a stand-in disk, named as the planner names partitions of a path outside /dev.</summary>
        public string Part(string disk) => PlanContext.PartitionOf(Path(disk), 1);

        public void Link(string name, string device) => File.CreateSymbolicLink(System.IO.Path.Combine(ById, name), Path(device));

        /// <summary>
        /// A plan on disks sda (by-id disk-a) and sdb (disk-b): in <paramref name="phase"/>, one step writes the disk of
        /// that phase (the original in phase 2, the new one in phase 1) and one its partition 1. / is on the array
        /// in phase 2 only.
        /// </summary>
        public ConversionPlan Plan(PlanPhase phase)
        {
            var join = phase == PlanPhase.JoinMirror;
            var plan = SyntheticPlan.Of();
            plan = plan with
            {
                Source = plan.Source with { Device = Path("sda"), ByIdNames = ["disk-a", "disk-a-part1"] },
                Target = plan.Target with { Device = Path("sdb"), ByIdNames = ["disk-b"] },
                Arrays = [plan.Arrays[0] with { SourcePartition = Part("sda"), TargetPartition = Part("sdb") }],
            };
            var (disk, part, text) = join ? (plan.Source.Device, Part("sda"), "original disk") : (plan.Target.Device, Part("sdb"), "new disk");
            var steps = new List<PlanStep>();
            if (!join)
            {
                steps.Add(Append("write-disk", disk, text, phase));
                steps.Add(Append("write-member", part, "member", phase));
            }

            steps.Add(SyntheticPlan.Reboot("false"));
            steps.Add(SyntheticPlan.RootGuard(join ? _dir.Path : Path("no-such-file")));
            if (join)
            {
                steps.Add(Append("write-disk", disk, text, phase));
                steps.Add(Append("write-member", part, "member", phase));
            }

            return plan with { Steps = steps };
        }

        public void Dispose() => _dir.Dispose();

        private static PlanStep Append(string id, string device, string text, PlanPhase phase) =>
            new(id, phase, $"Write {device}", "test", [HostCommand.Sh("printf '%s\\n' \"$2\" >> \"$1\"", device, text)], device, null, null);
    }
}
