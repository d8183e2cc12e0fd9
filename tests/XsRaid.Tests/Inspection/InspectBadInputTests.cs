using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>Bad input: one clear line on stderr naming the path and the problem, exit 1 (2 for usage), no stack trace.</summary>
public sealed class InspectBadInputTests
{
    [Fact]
    public void MissingPath()
    {
        var run = Expect(1, "/nonexistent/disk.img");
        run.Error.ShouldBe("xsraid: /nonexistent/disk.img: does not exist\n");
    }

    [Fact]
    public void Directory()
    {
        using var dir = new TempDir();
        Expect(1, dir.Path).Error.ShouldBe($"xsraid: {dir.Path}: is a directory, not a disk or disk image\n");
    }

    [Fact]
    public void FileTooSmallForAPartitionTable()
    {
        using var dir = new TempDir();
        var path = dir.File("tiny.img");
        File.WriteAllBytes(path, new byte[700]);
        Expect(1, path).Error.ShouldBe($"xsraid: {path}: is 700 bytes: too small to hold a partition table (needs at least 1024 bytes)\n");
    }

    [Fact]
    public void FifoIsRefusedWithoutBlocking()
    {
        using var dir = new TempDir();
        var path = dir.File("pipe");
        Tool.Run("mkfifo", path);
        Expect(1, path).Error.ShouldBe($"xsraid: {path}: is a FIFO (named pipe), not a disk or disk image\n");
    }

    [Fact]
    public void CharacterDevice() =>
        Expect(1, "/dev/null").Error.ShouldBe("xsraid: /dev/null: is a character device, not a disk or disk image\n");

    [Fact]
    public void BothGptHeadersDamaged()
    {
        using var image = new HostDiskImage(withSwap: false, withPv: false);
        var bytes = File.ReadAllBytes(image.Path);
        bytes[512 + 20] ^= 0xFF;
        bytes[bytes.Length - 512 + 20] ^= 0xFF;
        File.WriteAllBytes(image.Path, bytes);
        var run = Expect(1, image.Path);
        run.Error.ShouldStartWith($"xsraid: {image.Path}: ");
        run.Error.ShouldContain("GPT");
    }

    [Fact]
    public void GptCutShortIsAnErrorOnTruncatedEntries()
    {
        using var image = new HostDiskImage(withSwap: false, withPv: false);
        using (var fs = new FileStream(image.Path, FileMode.Open))
        {
            fs.SetLength(3 * 512);
        }

        var run = Expect(1, image.Path);
        run.Error.ShouldStartWith($"xsraid: {image.Path}: ");
    }

    [Fact]
    public void GoodAndBadPathsTogether()
    {
        using var image = new HostDiskImage(withSwap: false, withPv: false);
        var run = CliRun.Of("inspect", "--json", image.Path, "/nonexistent");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe("xsraid: /nonexistent: does not exist\n");
        run.Out.ShouldContain(image.Path);
    }

    [Fact]
    public void NoPathIsAUsageError()
    {
        var run = CliRun.Of("inspect");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("xsraid:");
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var run = CliRun.Of("inspect", "--frobnicate", "/dev/null");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--frobnicate");
    }

    private static CliRun Expect(int code, string path)
    {
        var run = CliRun.Of("inspect", path);
        run.ExitCode.ShouldBe(code, run.Error);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, run.Error);
        run.Error.ShouldNotContain("   at ");
        return run;
    }
}
