using System.Diagnostics;
using XsRaid.Cli;
using XsRaid.Cli.Commands;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Execution;

/// <summary>
/// The reboot against a real OpenSSH sshd on this machine: the plan's "reboot" command marks a file, the test
/// then kills sshd and all its sessions (as a reboot does), makes / "be on the array", and starts sshd again after
/// a few seconds. The runner must notice the host going away, reconnect with the same key and go on with phase 2;
/// a new host key is refused; a host that never returns is a clear failure.
/// </summary>
public sealed class RebootOverSshTests
{
    private static readonly PlanOptions Options = new("/dev/xsb");

    [Fact]
    public async Task TheRunnerWaitsForTheRebootReconnectsAndContinuesWithPhase2()
    {
        using var server = new SshdServer();
        using var scene = new Scene(server);

        var outcome = await scene.RunAsync(server.Start);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        File.Exists(scene.File("joined")).ShouldBeTrue("phase 2 ran after the reboot");
        scene.Events.Of<HostWentAway>().Count.ShouldBe(1);
        scene.Events.Of<HostCameBack>().Single().Downtime.ShouldBeGreaterThan(TimeSpan.FromSeconds(3));
        var hostJournal = Journal.ReadLocal(Path.Combine(scene.StateDirectory, "journal.jsonl"));
        hostJournal.Where(e => e.Result != JournalResult.Started).Select(e => (e.Step, e.Result)).ShouldBe(
            [("build", JournalResult.Done), ("reboot", JournalResult.Done), ("verify-root-on-array", JournalResult.Done), ("join", JournalResult.Done)]);
        hostJournal.Single(e => e is { Step: "reboot", Result: JournalResult.Done }).Detail.ShouldBe("came back on /dev/md0");
        Journal.ReadLocal(scene.File("local.jsonl")).ShouldBe(hostJournal, "every line went to both journals");
    }

    [Fact]
    public async Task ANewHostKeyAfterTheRebootIsRefused()
    {
        using var server = new SshdServer();
        using var scene = new Scene(server);
        var known = server.HostKeyFingerprint();

        var outcome = await scene.RunAsync(() =>
        {
            server.ReplaceHostKeys();
            server.Start();
        });

        outcome.Kind.ShouldBe(ConvertOutcomeKind.HostKeyRefused);
        ConvertCommand.ExitCodeOf(outcome.Kind).ShouldBe(ExitCodes.Refused);
        outcome.Message.ShouldContain("HOST KEY HAS CHANGED");
        outcome.Message.ShouldContain(known);
        outcome.Message.ShouldContain(server.HostKeyFingerprint());
        File.Exists(scene.File("joined")).ShouldBeFalse("nothing runs on a host whose key changed");
        var reboot = Journal.ReadLocal(scene.File("local.jsonl")).Last(e => e.Step == "reboot");
        reboot.Result.ShouldBe(JournalResult.Started, "where the host came back is unknown: the next run finds out");
    }

    [Fact]
    public async Task AHostThatNeverComesBackIsAClearFailure()
    {
        using var server = new SshdServer();
        using var scene = new Scene(server, rebootTimeout: TimeSpan.FromSeconds(6));

        var outcome = await scene.RunAsync(() => { });

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        outcome.Message.ShouldStartWith("the host did not come back within 6 s after the reboot");
        outcome.Message.ShouldContain("cannot connect");
        ConvertCommand.ExitCodeOf(outcome.Kind).ShouldBe(ExitCodes.Failure);
    }

    /// <summary>A synthetic plan on this machine, its scratch files, and the runner wired to an SSH connection.</summary>
    private sealed class Scene : IDisposable
    {
        private readonly TempDir _dir = new();
        private readonly SshdServer _server;
        private readonly TimeSpan _rebootTimeout;

        public Scene(SshdServer server, TimeSpan? rebootTimeout = null)
        {
            _server = server;
            _rebootTimeout = rebootTimeout ?? TimeSpan.FromSeconds(60);
        }

        public RecordingEvents Events { get; } = new();

        public string StateDirectory => File("state");

        public string File(string name) => _dir.File(name);

        /// <summary>Runs the plan; once the reboot command runs, kills sshd, puts / "on the array", waits 4 s and calls <paramref name="bringBack"/>.</summary>
        public async Task<ConvertOutcome> RunAsync(Action bringBack)
        {
            var plan = SyntheticPlan.Of(
                SyntheticPlan.Touch("build", File("built"), PlanPhase.BuildMirror),
                SyntheticPlan.Reboot("sh", "-c", "touch \"$1\"; exec sleep 120", "sh", File("rebooting")),
                SyntheticPlan.RootGuard(File("on-array")),
                SyntheticPlan.Touch("join", File("joined")));
            var knownHosts = _server.WriteKnownHosts("known_hosts", _server.KnownHostsLine());
            using var ssh = await SshHost.ConnectAsync(_server.Options(knownHosts), CancellationToken.None);
            var reboot = Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                while (!System.IO.File.Exists(File("rebooting")) && watch.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(50);
                }

                _server.Stop();
                await System.IO.File.WriteAllTextAsync(File("on-array"), "");
                await Task.Delay(4000);
                bringBack();
            });
            var settings = new ConvertSettings(File("local.jsonl")) { RebootTimeout = _rebootTimeout, HostState = new HostStateLocation(StateDirectory, []), StepPidFile = File("step.pid") };
            var runner = new ConvertRunner(ConvertConnection.For(ssh), settings, Events);

            var outcome = await runner.ExecuteAsync(plan, Options, HostConversionState.None, CancellationToken.None);
            await reboot;
            return outcome;
        }

        public void Dispose() => _dir.Dispose();
    }
}
