using System.Text.Json;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Execution;

/// <summary>`xsraid convert` and `xsraid status` as a user runs them: usage errors, and the real commands against this machine over SSH.</summary>
[Collection(UsesSshd.Name)]
public sealed class ConvertCommandTests(SshdFixture sshd)
{
    [Fact]
    public void WithoutYesOnANonInteractiveConsoleItIsAUsageError()
    {
        var run = CliRun.Of("convert", "--local", "--target", "/dev/sdb");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("pass --yes");
        run.Console.ShouldBeEmpty("nothing was probed or planned");
    }

    [Theory]
    [InlineData("--sample", "lab-debian", "convert needs a live host")]
    [InlineData("--snapshot", "/tmp", "convert needs a live host")]
    public void ASnapshotCannotBeConverted(string option, string value, string message)
    {
        var run = CliRun.Of("convert", option, value, "--target", "/dev/sdb", "--yes");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
    }

    [Theory]
    [InlineData("--sample", "lab-debian")]
    [InlineData("--probe-output", "/dev/null")]
    public void StatusReadsOnlyALiveHost(string option, string value)
    {
        var run = CliRun.Of("status", option, value);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("status reads a live host: --host [user@]host[:port] or --local");
    }

    [Fact]
    public void JsonNeedsYesAndTheRebootTimeoutMustBePositive()
    {
        CliRun.Of("convert", "--local", "--target", "/dev/sdb", "--json").Error.ShouldContain("pass --yes too");
        CliRun.Of("convert", "--local", "--target", "/dev/sdb", "--yes", "--reboot-timeout", "0").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void ConvertOverSshPlansThisMachineRefusesAndWritesNothing()
    {
        Directory.Exists("/var/lib/xsraid").ShouldBeFalse("precondition: this machine carries no xsraid state");
        using var dir = new TempDir();
        var knownHosts = dir.File("known_hosts");
        File.WriteAllText(knownHosts, sshd.Server.KnownHostsLine() + "\n");

        var run = CliRun.Of("convert", "--host", sshd.Server.Target.ToString(), "--identity", sshd.Server.ClientKey, "--known-hosts", knownHosts,
            "--target", "/dev/no-such-disk", "--yes", "--json", "--journal", dir.File("journal.jsonl"));

        run.ExitCode.ShouldBe(3, run.Error);
        var last = JsonDocument.Parse(run.Out.Trim().Split('\n')[^1]).RootElement;
        last.GetProperty("event").GetString().ShouldBe("outcome");
        last.GetProperty("outcome").GetString().ShouldBe("refused");
        last.GetProperty("exitCode").GetInt32().ShouldBe(3);
        // the same refusals as `xsraid plan --local` gives for this machine (sshd runs here)
        var plan = CliRun.Of("plan", "--local", "--target", "/dev/no-such-disk", "--json");
        var expected = JsonDocument.Parse(plan.Out).RootElement.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ToList();
        expected.ShouldNotBeEmpty();
        last.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ShouldBe(expected);
        Directory.Exists("/var/lib/xsraid").ShouldBeFalse("a refused conversion writes nothing on the host");
        File.Exists(dir.File("journal.jsonl")).ShouldBeFalse("no step ran, so no journal line");
        var log = File.ReadAllText(dir.File("convert.log"));
        log.ShouldContain("xsraid-probe");
        log.ShouldContain("outcome Refused");
    }

    [Fact]
    public void StatusOverSshShowsNoConversionOnThisMachine()
    {
        using var dir = new TempDir();
        var knownHosts = dir.File("known_hosts");
        File.WriteAllText(knownHosts, sshd.Server.KnownHostsLine() + "\n");

        var run = CliRun.Of("status", "--host", sshd.Server.Target.ToString(), "--identity", sshd.Server.ClientKey, "--known-hosts", knownHosts);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Console.ShouldContain("no conversion by xsraid on this host; / is on " + File.ReadAllLines("/proc/mounts").Last(l => l.Split(' ')[1] == "/").Split(' ')[0]);
    }
}
