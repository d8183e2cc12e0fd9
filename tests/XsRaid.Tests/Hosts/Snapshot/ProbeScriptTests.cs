using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Snapshot;

/// <summary>The probe script is POSIX sh: shellcheck-clean, and gives the same snapshot under dash and bash --posix.</summary>
public sealed class ProbeScriptTests
{
    [Fact]
    public void ShellcheckFindsNothing()
    {
        using var dir = new TempDir();
        var path = dir.File("probe.sh");
        File.WriteAllText(path, HostProbe.Script);
        var lint = Tool.Run("shellcheck", ["--shell=sh", path], check: false);
        lint.ExitCode.ShouldBe(0, lint.Stdout);
    }

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void RunsUnderEachShell(string shell)
    {
        var args = shell == "bash" ? new[] { "--posix", "-c", HostProbe.Script, "probe" } : ["-c", HostProbe.Script, "probe"];
        var output = Tool.Run(shell, args).Stdout;
        var snapshot = ProbeOutputParser.Parse(output).GetValueOrThrow();
        ProcPartitionsText.WithoutLoops(snapshot.File("/proc/partitions")!).ShouldBe(ProcPartitionsText.WithoutLoops(File.ReadAllText("/proc/partitions")));
        snapshot.Files.ShouldContainKey("/etc/os-release");
    }
}
