using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Execution;

/// <summary>
/// Kernel names can swap across the reboot (the lab saw sda and sdb trade places): phase 2 writes nothing when the
/// plan's device names no longer point at the disks' /dev/disk/by-id names.
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class RenamedDisksTests(SshdFixture sshd)
{
    [Fact]
    public async Task PhaseTwoStopsWhenTheOriginalDiskHasAnotherName()
    {
        using var dir = new TempDir();
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_renamed", sshd.Server.KnownHostsLine());
        using var ssh = await SshHost.ConnectAsync(sshd.Server.Options(knownHosts, identityFile: sshd.Server.ClientKey), CancellationToken.None);
        var plan = SyntheticPlan.Of(SyntheticPlan.Reboot("false"), SyntheticPlan.RootGuard("/"), SyntheticPlan.Touch("write-original", dir.File("written")));
        plan = plan with { Source = plan.Source with { ByIdNames = ["xsraid-test-no-such-disk"] } };
        var settings = new ConvertSettings(dir.File("local.jsonl")) { HostState = new HostStateLocation(dir.File("state"), []) };

        var outcome = await new ConvertRunner(ConvertConnection.For(ssh), settings, new RecordingEvents())
            .ExecuteAsync(plan, new PlanOptions("/dev/xsb"), HostConversionState.None, CancellationToken.None);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.HostChanged, outcome.Message);
        outcome.Message.ShouldContain("xsraid-test-no-such-disk is no longer /dev/xsa");
        File.Exists(dir.File("written")).ShouldBeFalse("no phase-2 step may run");
    }
}
