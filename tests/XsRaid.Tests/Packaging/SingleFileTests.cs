using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using XsRaid.Tests.Inspection;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;
using Xunit.Abstractions;

namespace XsRaid.Tests.Packaging;

/// <summary>
/// The published single file, trimmed, run where no .NET is (<see cref="SingleFile.RunWithoutDotnet"/>): it prints
/// exactly what the code it was built from prints in-process, for the version, inspect --json on an image made by
/// sgdisk and mke2fs, plan, and a snapshot over SSH (SSH.NET and the JSON source generators after trimming).
/// </summary>
[Collection(BuildsTheCli.Name)]
public sealed class SingleFileTests(SingleFile file, ITestOutputHelper output) : IClassFixture<SingleFile>
{
    [Fact]
    public void PublishWritesOneFileNamedXsraid()
    {
        Directory.GetFileSystemEntries(file.PublishDirectory).Select(Path.GetFileName).ShouldBe(["xsraid"]);
        file.Publish.Stdout.ShouldNotContain("warning IL", Case.Insensitive); // trimming and single-file analysis: nothing to report
    }

    [Fact]
    public void TheTestMachineHasNoDotnetThere()
    {
        var run = file.RunWithoutDotnet("sh", "-c", "echo \"$DOTNET_ROOT\"; command -v dotnet; ls -A \"$1\"", "sh", SingleFile.DotnetRoot());
        run.Stdout.Trim().ShouldBeEmpty($"DOTNET_ROOT, a dotnet on PATH or a file in {SingleFile.DotnetRoot()} is visible: {run.Stdout}");
    }

    [Fact]
    public void VersionNamesTheVersionAndTheCommit()
    {
        var run = file.RunWithoutDotnet(file.Executable, "--version").ShouldSucceed("xsraid --version");
        run.Stdout.ShouldBe($"xsraid {Repository.Version} (commit {Repository.Commit})\n");
    }

    [Fact]
    public void InspectJsonOfAnImageIsWhatTheCodePrints()
    {
        using var image = new HostDiskImage(sizeBytes: 128 * HostDiskImage.MiB, rootBytes: 48 * HostDiskImage.MiB, withSwap: false, withPv: false);
        var run = file.RunWithoutDotnet(file.Executable, "inspect", "--json", image.Path).ShouldSucceed("xsraid inspect --json");
        run.Stdout.ShouldBe(CliRun.Of("inspect", "--json", image.Path).Out);
        using var doc = JsonDocument.Parse(run.Stdout);
        var disk = doc.RootElement.GetProperty("disks")[0];
        disk.GetProperty("bootCode").GetString().ShouldBe("syslinux-gptmbr");
        disk.GetProperty("partitionTable").GetProperty("partitions").GetArrayLength().ShouldBe(3);
        disk.GetProperty("partitionTable").GetProperty("partitions")[0].GetProperty("content").GetProperty("label").GetString().ShouldBe(HostDiskImage.RootLabel);
    }

    [Fact]
    public void PlanOfTheSampleIsWhatTheCodePrints()
    {
        var run = file.RunWithoutDotnet(file.Executable, "plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb").ShouldSucceed("xsraid plan");
        run.Stdout.ShouldStartWith("Conversion plan for xenserver-65");
        run.Stdout.ShouldBe(CliRun.Of("plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb").Console);
    }

    [Fact]
    public void SnapshotOverSshWorksTrimmed()
    {
        using var sshd = new SshdServer();
        using var dir = new TempDir();
        var knownHosts = sshd.WriteKnownHosts("known_hosts", sshd.KnownHostsLine());
        var run = file.RunWithoutDotnet(file.Executable, "snapshot", "--host", $"root@127.0.0.1:{sshd.Port}",
            "--identity", sshd.ClientKey, "--known-hosts", knownHosts, "--save", dir.File("snap"), "--json").ShouldSucceed("xsraid snapshot --host");
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("hostName").GetString().ShouldBe(File.ReadAllText("/etc/hostname").Trim());
        doc.RootElement.GetProperty("directory").GetString().ShouldBe(dir.File("snap"));
        File.ReadAllText(Path.Combine(dir.File("snap"), "meta.txt")).ShouldContain("uid=0");
    }

    [Fact]
    public void BashCompletionAsksTheProgram()
    {
        var script = Path.Combine(Repository.Root, "completions", "xsraid.bash");
        string Complete(string line)
        {
            var bash = $$"""
                source "$1"
                COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
                read -ra COMP_WORDS <<<"$COMP_LINE"; [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                _xsraid_complete
                printf '%s\n' "${COMPREPLY[@]}"
                """;
            return ChildProcess.Run(Tool.Require("bash"), ["-c", bash, "bash", script, line],
                env: new Dictionary<string, string> { ["PATH"] = file.PublishDirectory + ":/usr/bin:/bin" }).ShouldSucceed("bash completion").Stdout;
        }

        Complete("xsraid pl").ShouldBe("plan\n");
        Complete("xsraid plan --tar").ShouldBe("--target\n");
        Complete("xsraid plan --metadata ").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ShouldBe(["0.90", "1.0", "auto"]);
        Complete("xsraid ").Split('\n').ShouldContain("snapshot");
    }

    [Fact]
    public void SizeAndStartUpTime()
    {
        var size = new FileInfo(file.Executable).Length;
        var dll = Path.Combine(AppContext.BaseDirectory, "XsRaid.Cli.dll");
        var single = MedianMilliseconds(() => ChildProcess.Run(file.Executable, ["--version"]).ShouldSucceed("xsraid --version"));
        var viaDotnet = MedianMilliseconds(() => ChildProcess.Run("dotnet", [dll, "--version"]).ShouldSucceed("dotnet XsRaid.Cli.dll --version"));
        size.ShouldBeGreaterThan(1_000_000, "a self-contained file carries the runtime");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"benchmark: single file {size / 1e6:F1} MB ({size} bytes); start-up of --version, median of 5: single file {single:F0} ms, dotnet XsRaid.Cli.dll {viaDotnet:F0} ms"));
    }

    private static double MedianMilliseconds(Action run)
    {
        run(); // warm the page cache
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(2);
    }
}
