using System.Text;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Planning;

/// <summary>
/// A root filesystem label full of shell syntax (quotes, $(...), backticks, a newline, spaces) reaches the host as
/// one argument, both in the --script output and over SSH, and never runs.
/// </summary>
[Collection(UsesSshd.Name)]
public sealed class HostileLabelTests(SshdFixture sshd)
{
    public static TheoryData<string> Labels() => new("$(touch pwn)", "`touch pwn`;x", "a'b\"c d\\e", "x\n$(touch pwn)", "; touch pwn #");

    [Theory]
    [MemberData(nameof(Labels))]
    public void LabelIsOneArgumentInTheScript(string label)
    {
        var command = RestoreLabelCommand(label);
        command.Argv.ShouldBe(["e2label", "/dev/md0", label]);
        using var dir = new TempDir();
        var script = "e2label() { printf '%s\\0' \"$@\"; }\n" + PlanScriptRenderer.RenderCommand(command);
        var psi = new System.Diagnostics.ProcessStartInfo(Tool.Require("bash"), ["-c", script]) { WorkingDirectory = dir.Path, RedirectStandardOutput = true };
        using var bash = System.Diagnostics.Process.Start(psi)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        output.ShouldBe("/dev/md0\0" + label + "\0");
        File.Exists(dir.File("pwn")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task LabelIsOneArgumentOverSsh(string label)
    {
        var command = RestoreLabelCommand(label);
        var knownHosts = sshd.Server.WriteKnownHosts("known_hosts_label", sshd.Server.KnownHostsLine());
        using var host = await SshHost.ConnectAsync(sshd.Server.Options(knownHosts, identityFile: sshd.Server.ClientKey), CancellationToken.None);
        var cwd = (await host.RunAsync(["pwd"])).StdoutText.Trim();
        File.Delete(Path.Combine(cwd, "pwn"));
        var result = await host.RunAsync(["printf", "%s\\0", .. command.Argv.Skip(1)]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        Encoding.UTF8.GetString(result.Stdout).ShouldBe("/dev/md0\0" + label + "\0");
        File.Exists(Path.Combine(cwd, "pwn")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void WholeScriptStaysValid(string label)
    {
        var plan = WithRootLabel(label).Plan().Plan!;
        using var dir = new TempDir();
        var path = dir.File("plan.sh");
        File.WriteAllText(path, PlanScriptRenderer.Render(plan));
        Tool.Run("bash", ["-n", path], check: false).ExitCode.ShouldBe(0);
    }

    private static HostCommand RestoreLabelCommand(string label)
    {
        var result = WithRootLabel(label).Plan();
        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        return result.Plan!.Step("restore-root-label").Commands[0];
    }

    /// <summary>The lab sample with the ext3 label of /dev/sda1 (s_volume_name, 16 bytes at superblock offset 120) replaced.</summary>
    private static SampleHost WithRootLabel(string label)
    {
        var lab = SampleHost.Load("lab-debian");
        var sda1 = lab.Snapshot.Disk("sda")!.Partitions.Single(p => p.Number == 1);
        var bytes = new byte[16];
        Encoding.UTF8.GetBytes(label).CopyTo(bytes, 0);
        return lab.WithBytes("sda", sda1.StartBytes + 1024 + 120, bytes);
    }
}
