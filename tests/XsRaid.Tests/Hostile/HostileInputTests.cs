using System.Buffers.Binary;
using System.Text;
using XsRaid.Cli.Rendering;
using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;
using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hostile;

/// <summary>One test per defect of issue 10, each reproducing it through the real CLI or reader.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void ResponseFilesAreOff()
    {
        using var dir = new TempDir();
        var file = dir.File("x");
        File.WriteAllText(file, "/dev/sdb --wipe-target\n");
        var run = CliRun.Of("plan", "--sample", "lab-debian", "--target", "@" + file, "--json");
        run.ExitCode.ShouldBe(3, run.Error);
        run.Out.ShouldContain("\"target-not-found\"");
        run.Out.ShouldContain("@" + file);
        run.Out.ShouldNotContain("wipefs");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-5")]
    public void RebootTimeoutThatDoesNotParseIsAUsageError(string value)
    {
        var run = CliRun.Of("convert", "--host", "example.org", "--target", "/dev/sdb", "--yes", "--reboot-timeout", value);
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain("--reboot-timeout");
        run.Error.ShouldNotContain("   at ");
        run.Error.ShouldNotContain("Unhandled");
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("root@host:99999")]
    [InlineData("[fe80::1")]
    [InlineData("-oProxyCommand=x")]
    public void MalformedHostIsAUsageErrorNamingTheOption(string host)
    {
        var run = CliRun.Of("plan", "--host", host, "--target", "/dev/sdb");
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain("--host");
    }

    [Fact]
    public void RefusedScriptWritesNothingOnStdoutAndTheVgNameNeverRuns()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        File.WriteAllText(Path.Combine(snap, "commands/pvs.txt"), "exit=0\n  /dev/sdb|$(touch pwn)|4294967296|abc|a--\n");
        var run = CliRun.Of("plan", "--snapshot", snap, "--target", "/dev/sdb", "--script");
        run.ExitCode.ShouldBe(3, run.Error);
        run.Out.ShouldBeEmpty();
        run.Console.ShouldBeEmpty();
        run.Error.ShouldContain("refused (target-in-use)");
        run.Error.ShouldContain("$(touch pwn)");

        var script = dir.File("p.sh");
        File.WriteAllText(script, run.Out + run.Console);
        var psi = new System.Diagnostics.ProcessStartInfo(Tool.Require("bash"), [script]) { WorkingDirectory = dir.Path };
        using (var bash = System.Diagnostics.Process.Start(psi)!)
        {
            bash.WaitForExit();
        }

        File.Exists(dir.File("pwn")).ShouldBeFalse();
    }

    [Fact]
    public void RegionThatIsNotGzipIsOneLineNotAStackTrace()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        HostileSnapshots.Cases["region file is garbage, named .gz"](snap);
        var run = CliRun.Of("inspect", "--snapshot", snap);
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("is not valid gzip data");
        run.Error.ShouldNotContain("Unhandled");
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
    }

    [Fact]
    public void RegionPathOutsideTheSnapshotIsRefused()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        HostileSnapshots.Cases["regions.txt names an absolute path"](snap);
        var run = CliRun.Of("inspect", "--snapshot", snap);
        run.ExitCode.ShouldBe(1, run.Console);
        run.Error.ShouldContain("a region file is a plain name in the disk's directory");
    }

    [Fact]
    public void SnapshotWithNoDiskIsAnError()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        Directory.Delete(Path.Combine(snap, "disks"), recursive: true);
        var run = CliRun.Of("inspect", "--snapshot", snap);
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("holds no disk");
    }

    [Fact]
    public void GptEntryAtLba2Pow55IsLeftOutNotWrappedOntoTheFilesystemAt1MiB()
    {
        var report = InspectSdaWithEntry1(first: (1L << 55) + 2048, last: (1L << 55) + 3147775);
        report.PartitionTable.Partitions.ShouldNotContain(p => p.Number == 1);
        report.PartitionTable.Partitions.ShouldNotContain(p => p.Content.Type == ContentType.Ext3);
        report.PartitionTable.Findings.ShouldContain(f => f.Contains("partition 1 has an LBA whose byte offset is beyond 2^63", StringComparison.Ordinal));
    }

    [Fact]
    public void GptEntryWhoseSizeOverflowsIsAFindingNotAnException()
    {
        var report = InspectSdaWithEntry1(first: (1L << 54) + 1, last: (1L << 54) + 100);
        report.PartitionTable.Partitions.ShouldNotContain(p => p.Number == 1);
        report.PartitionTable.Findings.ShouldContain(f => f.Contains("beyond 2^63", StringComparison.Ordinal));
    }

    [Fact]
    public void OutOfRangeSizesNeverPrintNegative()
    {
        Sizes.Human(long.MinValue).ShouldNotContain("-");
        Sizes.Human(-1).ShouldNotContain("-");
        Sizes.Human(1536).ShouldBe("1.5 KiB");
    }

    [Fact]
    public void PartitionRecordsContradictingTheTableAreReported()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        File.WriteAllText(Path.Combine(snap, "disks/sda/partitions.txt"), "sda1 1 4096 3145728\nsda2 2 3147776 3145728\nsda4 4 6293504 2095071\n");
        var run = CliRun.Of("inspect", "--snapshot", snap);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Console.ShouldContain("finding: the kernel's sda1 (start 4096, 3145728 sectors of 512 bytes) contradicts partition 1 of the table (LBA 2048-3147775");
        run.Console.ShouldContain("finding: the kernel has sda4 (partition 4), which the partition table does not hold");
        run.Console.ShouldContain("finding: partition 3 of the table (LBA 6293504-8388574) is not known to the kernel");
    }

    [Fact]
    public void SnapshotSaveOntoAnExistingFileIsRefusedAndLeavesIt()
    {
        using var dir = new TempDir();
        var file = dir.File("existing");
        File.WriteAllText(file, "keep me");
        var run = CliRun.Of("snapshot", "--sample", "lab-debian", "--save", file);
        run.ExitCode.ShouldBe(3, run.Error);
        run.Error.ShouldContain("is a file, not a directory");
        run.Error.ShouldNotContain("Unhandled");
        File.ReadAllText(file).ShouldBe("keep me");
    }

    [Fact]
    public void SnapshotSaveRefusesANonEmptyDirectoryEvenWithForceUnlessItIsASnapshot()
    {
        using var dir = new TempDir();
        var other = dir.File("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        foreach (var args in new[] { new[] { "--save", other }, ["--save", other, "--force"] })
        {
            var run = CliRun.Of(["snapshot", "--sample", "lab-debian", .. args]);
            run.ExitCode.ShouldBe(3, run.Error);
            run.Error.ShouldContain("is not empty and is not an xsraid snapshot");
        }

        Directory.EnumerateFileSystemEntries(other).Select(e => Path.GetFileName(e)).ShouldBe(["notes.txt"]);
    }

    [Fact]
    public void SnapshotSaveReplacesASnapshotOnlyWithForceAndThenAsAWhole()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        File.WriteAllText(Path.Combine(snap, "disks/sda/stray-from-another-host.bin"), "old");

        var refused = CliRun.Of("snapshot", "--sample", "xenserver-6.5", "--save", snap);
        refused.ExitCode.ShouldBe(3, refused.Error);
        refused.Error.ShouldContain("already holds an xsraid snapshot");
        File.Exists(Path.Combine(snap, "disks/sda/stray-from-another-host.bin")).ShouldBeTrue();

        var forced = CliRun.Of("snapshot", "--sample", "xenserver-6.5", "--save", snap, "--force");
        forced.ExitCode.ShouldBe(0, forced.Error);
        File.Exists(Path.Combine(snap, "disks/sda/stray-from-another-host.bin")).ShouldBeFalse("the old snapshot is replaced as a whole");
        SnapshotSources.FromDirectory(snap).GetValueOrThrow().HostName.ShouldBe(SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow().HostName);
        Directory.EnumerateFileSystemEntries(dir.Path).Select(e => Path.GetFileName(e)).ShouldBe(["snap"], "no temporary directory is left");
    }

    [Fact]
    public void HostStringsReachTheTerminalEscapedAndJsonUnchanged()
    {
        const string label = "\u001b]0;pwn\u0007x\ny\u009b";
        var sample = SampleHost.Load("lab-debian");
        var sda1 = sample.Snapshot.Disk("sda")!.Partitions.Single(p => p.Number == 1);
        var bytes = new byte[16];
        Encoding.UTF8.GetBytes(label).CopyTo(bytes, 0);
        using var dir = new TempDir();
        var snap = dir.File("snap");
        SnapshotStore.Save(sample.WithBytes("sda", sda1.StartBytes + 1024 + 120, bytes).Snapshot, snap);

        var table = CliRun.Of("inspect", "--snapshot", snap);
        table.ExitCode.ShouldBe(0, table.Error);
        table.Console.ShouldNotContain("\u001b");
        table.Console.ShouldNotContain("\u0007");
        table.Console.ShouldContain("label \\e]0;pwn\\x07x\\ny");
        table.Console.Split('\n').ShouldNotContain(l => l.StartsWith('y'), "a newline in a label forges no line");

        var json = CliRun.Of("inspect", "--snapshot", snap, "--json");
        json.Out.ShouldContain("\\u001B]0;pwn\\u0007x\\ny");
    }

    [Fact]
    public void StderrLinesAreMadePrintableToo()
    {
        using var dir = new TempDir();
        var snap = HostileSnapshots.Good(dir, "snap");
        File.WriteAllText(Path.Combine(snap, "commands/pvs.txt"), "exit=0\n  /dev/sdb|vg\u001b[2Jx|4294967296|abc|a--\n");
        var run = CliRun.Of("plan", "--snapshot", snap, "--target", "/dev/sdb");
        run.ExitCode.ShouldBe(3);
        run.Error.ShouldNotContain("\u001b");
        run.Error.ShouldContain("vg\\e[2Jx");
        run.Console.ShouldNotContain("\u001b");
    }

    private static DiskReport InspectSdaWithEntry1(long first, long last)
    {
        var sample = SampleHost.Load("lab-debian");
        var head = sample.Snapshot.Disk("sda")!.Regions.Single(r => r.Offset == 0).Bytes.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan((2 * 512) + 32), first);
        BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan((2 * 512) + 40), last);
        GptImageBytes.ResignEntries(head, 1);
        var disk = sample.WithBytes("sda", 0, head).Snapshot.Disk("sda")!;
        return DiskInspector.Inspect(disk.AsBlockSource()).GetValueOrThrow();
    }
}
