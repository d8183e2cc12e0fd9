using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hosts.Snapshot;

/// <summary>
/// `xsraid snapshot --host` end to end against the real sshd of the transport tests (this machine itself): one
/// SSH session, one remote process, and the saved directory holds what the machine really has.
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class SnapshotOverSshTests(SshdFixture sshd)
{
    [Fact]
    public void SnapshotCommandSavesWhatTheHostHas()
    {
        using var dir = new TempDir();
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_snapshot", sshd.Server.KnownHostsLine());
        var save = dir.File("snap");
        var run = CliRun.Of("snapshot", "--host", $"root@127.0.0.1:{sshd.Server.Port}", "--identity", sshd.Server.ClientKey,
            "--known-hosts", knownHosts, "--save", save);
        run.ExitCode.ShouldBe(0, run.Error);

        // other tests attach loop devices meanwhile: compare everything but loopN lines
        ProcPartitionsText.WithoutLoops(File.ReadAllText(Path.Combine(save, "files/proc/partitions"))).ShouldBe(ProcPartitionsText.WithoutLoops(File.ReadAllText("/proc/partitions")));
        File.ReadAllText(Path.Combine(save, "files/proc/mounts")).Split('\n')[0].ShouldBe(File.ReadAllText("/proc/mounts").Split('\n')[0]);
        File.ReadAllText(Path.Combine(save, "meta.txt")).ShouldContain("hostname=" + File.ReadAllText("/etc/hostname").Trim());
        File.ReadAllText(Path.Combine(save, "tools.txt")).ShouldContain("sgdisk=");

        var loaded = SnapshotSources.FromDirectory(save).GetValueOrThrow();
        var sysBlock = Directory.GetDirectories("/sys/block").Where(d => Directory.Exists(Path.Combine(d, "device"))).Select(Path.GetFileName).Order().ToList();
        loaded.Disks.Select(d => d.Name).Order().ShouldBe(sysBlock);
        foreach (var disk in loaded.Disks)
        {
            disk.SizeBytes.ShouldBe(long.Parse(File.ReadAllText($"/sys/block/{disk.Name}/size").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 512);
        }
    }

    [Fact]
    public async Task ProbeIsOneRemoteProcessAndItsOutputParses()
    {
        using var dir = new TempDir();
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_probe", sshd.Server.KnownHostsLine());
        using var host = await SshHost.ConnectAsync(sshd.Server.Options(knownHosts, identityFile: sshd.Server.ClientKey), CancellationToken.None);
        var snapshot = (await HostProbe.TakeAsync(host)).GetValueOrThrow();
        snapshot.File("/proc/cmdline").ShouldBe(File.ReadAllText("/proc/cmdline"));
        snapshot.Meta["uid"].ShouldBe("0");
        snapshot.HasTool("sh").ShouldBeTrue();
    }

    [Fact]
    public void InspectHostShowsTheHostsDisks()
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_inspect", sshd.Server.KnownHostsLine());
        var run = CliRun.Of("inspect", "--json", "--host", $"root@127.0.0.1:{sshd.Server.Port}", "--identity", sshd.Server.ClientKey, "--known-hosts", knownHosts);
        var disks = Directory.GetDirectories("/sys/block").Where(d => Directory.Exists(Path.Combine(d, "device"))).Select(Path.GetFileName).ToList();
        foreach (var disk in disks)
        {
            // Either the disk's report, or (in a sandbox that may not open block devices) one line saying why not.
            (run.Out.Contains($"\"/dev/{disk}\"", StringComparison.Ordinal) || run.Error.Contains($"/dev/{disk}: could not be read on the host", StringComparison.Ordinal))
                .ShouldBeTrue(run.Out + run.Error);
        }
    }

    [Fact]
    public void UnknownHostKeyIsRefusedWithExitThree()
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_empty");
        var run = CliRun.Of("snapshot", "--host", $"root@127.0.0.1:{sshd.Server.Port}", "--identity", sshd.Server.ClientKey,
            "--known-hosts", knownHosts, "--save", "/nonexistent/never-written");
        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain(sshd.Server.HostKeyFingerprint());
        Directory.Exists("/nonexistent/never-written").ShouldBeFalse();
    }
}
