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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CapturesEfibootmgrOnlyOnAUefiHost(bool uefi)
    {
        using var dir = new TempDir();
        var bin = Directory.CreateDirectory(dir.File("bin")).FullName;
        var efibootmgr = Path.Combine(bin, "efibootmgr");
        File.WriteAllText(efibootmgr, "#!/bin/sh\necho 'BootCurrent: 0003'\necho \"args: $*\"\nexit 3\n");
        Tool.Run("chmod", "0755", efibootmgr);
        var firmware = dir.File("firmware-efi");
        if (uefi)
        {
            Directory.CreateDirectory(firmware);
        }

        // The script as shipped, but with a firmware directory this test controls and the stand-in efibootmgr first on its PATH.
        var script = HostProbe.Script.Replace("/sys/firmware/efi", firmware, StringComparison.Ordinal)
            .Replace("\nPATH=/usr/local/sbin:", $"\nPATH={bin}:/usr/local/sbin:", StringComparison.Ordinal);
        script.ShouldContain($"PATH={bin}:");
        var snapshot = ProbeOutputParser.Parse(Tool.Run("dash", ["-c", script, "probe"]).Stdout).GetValueOrThrow();
        snapshot.Meta["firmware"].ShouldBe(uefi ? "uefi" : "bios");
        if (uefi)
        {
            snapshot.Commands["efibootmgr-v"].ShouldBe(new CommandCapture("efibootmgr-v", 3, "BootCurrent: 0003\nargs: -v"));
        }
        else
        {
            snapshot.Commands.ShouldNotContainKey("efibootmgr-v");
        }
    }
}
