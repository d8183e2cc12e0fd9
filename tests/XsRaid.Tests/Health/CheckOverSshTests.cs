using System.Diagnostics;
using System.Text.Json;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Health;

/// <summary>
/// `xsraid check --host` and `status --host --json` against the real sshd of the transport tests (this machine
/// itself, which runs no md arrays): check logs in once (sshd records one accepted key per connection) and runs the
/// probe, and its verdict is the one the same command gives on this machine with --local.
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class CheckOverSshTests(SshdFixture sshd)
{
    [Fact]
    public void CheckCostsOneSshSession()
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_check", sshd.Server.KnownHostsLine());
        var before = Logins();

        var run = CliRun.Of("check", "--host", $"root@127.0.0.1:{sshd.Server.Port}", "--identity", sshd.Server.ClientKey, "--known-hosts", knownHosts, "--json");

        using var doc = JsonDocument.Parse(run.Out);
        run.ExitCode.ShouldBe(doc.RootElement.GetProperty("exitCode").GetInt32());
        doc.RootElement.GetProperty("host").GetString().ShouldBe(File.ReadAllText("/etc/hostname").Trim());
        var local = CliRun.Of("check", "--local", "--json");
        local.ExitCode.ShouldBe(run.ExitCode, "the same machine, the same verdict: " + run.Out + local.Out);
        WaitFor(() => Logins() > before);
        Thread.Sleep(300); // a second login, if there were one, would be logged by now
        (Logins() - before).ShouldBe(1, sshd.Server.Log);
    }

    [Fact]
    public void StatusJsonOverSsh()
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_status_json", sshd.Server.KnownHostsLine());

        var run = CliRun.Of("status", "--host", $"root@127.0.0.1:{sshd.Server.Port}", "--identity", sshd.Server.ClientKey, "--known-hosts", knownHosts, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        doc.RootElement.GetProperty("host").GetString().ShouldBe(File.ReadAllText("/etc/hostname").Trim());
        doc.RootElement.TryGetProperty("arrays", out _).ShouldBeTrue();
    }

    private int Logins() => sshd.Server.Log.Split('\n').Count(l => l.Contains("Accepted publickey for root", StringComparison.Ordinal));

    private static void WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(50);
        }
    }
}
