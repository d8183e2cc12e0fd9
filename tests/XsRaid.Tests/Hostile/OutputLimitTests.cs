using XsRaid.Hosts;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hostile;

/// <summary>
/// A host that prints for ever no longer drives xsraid's memory up: a command's output is read up to its limit, then
/// the command is stopped (killed locally, its channel closed over SSH) and the error names the limit.
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class OutputLimitTests(SshdFixture sshd)
{
    [Fact]
    public async Task LocalCommandPrintingForEverIsStoppedAtItsLimit()
    {
        using var host = new LocalHost(TimeSpan.FromMinutes(1));
        var e = await Should.ThrowAsync<CommandOutputTooLargeException>(() =>
            host.RunAsync(["yes", "xsraid"], new CommandOptions(TimeSpan.FromSeconds(50), MaxOutputBytes: 1 << 20)));
        e.Message.ShouldContain("printed more than 1 MiB, the limit for a command's output");
    }

    [Fact]
    public async Task SshCommandPrintingForEverIsStoppedAndTheConnectionStaysUsable()
    {
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_limit", sshd.Server.KnownHostsLine());
        using var host = await SshHost.ConnectAsync(sshd.Server.Options(knownHosts, identityFile: sshd.Server.ClientKey), CancellationToken.None);
        var e = await Should.ThrowAsync<CommandOutputTooLargeException>(() =>
            host.RunAsync(["yes", "xsraid"], new CommandOptions(TimeSpan.FromSeconds(50), MaxOutputBytes: 1 << 20)));
        e.Limit.ShouldBe(1 << 20);
        (await host.RunAsync(["echo", "still here"])).StdoutText.ShouldBe("still here\n");
    }
}
