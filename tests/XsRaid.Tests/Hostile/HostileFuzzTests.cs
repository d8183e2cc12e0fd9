using System.Text;
using XsRaid.Tests.Support;
using Xunit.Abstractions;

namespace XsRaid.Tests.Hostile;

/// <summary>
/// Hostile snapshot directories and probe outputs given to the real CLI in a process of its own: each must end
/// with exit 1, 2 or 3, one clear error and no stack trace, within a time bound (a hang detector, generous) and
/// with bounded memory (the peak working set is printed for each case).
/// </summary>
[Collection(HostileProcesses.Name)]
public sealed class HostileFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(90);
    private const long PeakLimitKiB = 600 * 1024;

    public static TheoryData<string> SnapshotCases() => [.. HostileSnapshots.Cases.Keys];

    [Theory]
    [MemberData(nameof(SnapshotCases))]
    public void HostileSnapshotDirectoryIsRefusedWithOneLine(string name)
    {
        using var parent = new TempDir();
        var dir = HostileSnapshots.Good(parent, "snap");
        HostileSnapshots.Cases[name](dir);
        var run = CliProcess.Run(["inspect", "--snapshot", dir], HangLimit);
        ShouldBeOneCleanRefusal(name, run);
    }

    public static TheoryData<string> ProbeOutputCases() => [.. ProbeOutputs.Keys];

    [Theory]
    [MemberData(nameof(ProbeOutputCases))]
    public void HostileProbeOutputIsRefusedWithOneLine(string name)
    {
        using var dir = new TempDir();
        var file = ProbeOutputs[name](dir);
        var save = dir.File("a/b/saved");
        var run = CliProcess.Run(["snapshot", "--probe-output", file, "--save", save], HangLimit);
        ShouldBeOneCleanRefusal(name, run);
        string[] expected = file.StartsWith(dir.Path, StringComparison.Ordinal) ? [Path.GetFileName(file)] : [];
        Directory.EnumerateFileSystemEntries(dir.Path).Select(e => Path.GetFileName(e)).ToArray()
            .ShouldBe(expected, "nothing is saved from a refused probe output, inside or outside the save directory");
    }

    private static readonly IReadOnlyDictionary<string, Func<TempDir, string>> ProbeOutputs = new Dictionary<string, Func<TempDir, string>>(StringComparer.Ordinal)
    {
        ["/dev/zero"] = _ => "/dev/zero",
        ["a FIFO"] = dir =>
        {
            var fifo = dir.File("probe.fifo");
            Tool.Run("mkfifo", fifo);
            return fifo;
        },
        ["a symlink to /dev/zero"] = dir =>
        {
            var link = dir.File("probe.txt");
            File.CreateSymbolicLink(link, "/dev/zero");
            return link;
        },
        ["a sparse 2 GiB file"] = dir => dir.SparseFile("probe.txt", 2L << 30),
        ["garbage"] = dir => Write(dir, Encoding.Latin1.GetString(Random(100_000))),
        ["truncated in a section"] = dir => Write(dir, "@@xsraid-probe 1\n@@sys sda\n|size=8388608\n|queue/logical_blo"),
        ["a command named ../../../evil (traversal on save)"] = dir =>
            Write(dir, "@@xsraid-probe 1\n@@sys sda\n|size=8\n@@end\n@@cmd ../../../evil 0\n|x\n@@end\n@@done\n"),
        ["a file path with .. (traversal on save)"] = dir =>
            Write(dir, "@@xsraid-probe 1\n@@sys sda\n|size=8\n@@end\n@@file /../../../evil\n|x\n@@end\n@@done\n"),
        ["a disk named .."] = dir => Write(dir, "@@xsraid-probe 1\n@@sys ..\n|size=8\n@@end\n@@done\n"),
        ["a hex section announcing 2^40 bytes"] = dir =>
            Write(dir, "@@xsraid-probe 1\n@@sys sda\n|size=8\n@@end\n@@hex sda head 0 1099511627776\n| 00\n@@end\n@@done\n"),
        ["no disk at all"] = dir => Write(dir, "@@xsraid-probe 1\n@@meta\n|hostname=h\n@@end\n@@done\n"),
    };

    private void ShouldBeOneCleanRefusal(string name, CliProcess run)
    {
        output.WriteLine($"{name}: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:0.0} s, peak working set {run.PeakKiB / 1024} MiB");
        output.WriteLine(run.Stderr);
        run.TimedOut.ShouldBeFalse($"{name}: still running after {HangLimit.TotalSeconds} s (a hang)");
        new[] { 1, 2, 3 }.ShouldContain(run.ExitCode, $"{name}: exit {run.ExitCode}\n{run.Output}");
        run.Output.ShouldNotContain("   at ", customMessage: $"{name}: a stack trace");
        run.Output.ShouldNotContain("Unhandled", customMessage: name);
        run.Output.ShouldNotContain("internal error", customMessage: name);
        run.Output.ShouldNotContain("\u001b", customMessage: $"{name}: an escape character reached the terminal");
        run.Stderr.ShouldStartWith("xsraid: ", customMessage: name);
        run.PeakKiB.ShouldBeLessThan(PeakLimitKiB, $"{name}: peak working set {run.PeakKiB / 1024} MiB");
    }

    private static string Write(TempDir dir, string text)
    {
        var file = dir.File("probe.txt");
        File.WriteAllText(file, text);
        return file;
    }

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
