using XsRaid.Formats;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Snapshot;

/// <summary>Saving and loading a snapshot keeps every fact and byte; bad directories and probe output are typed errors.</summary>
public sealed class SnapshotStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveThenLoadIsTheSameSnapshot(bool compress)
    {
        var original = SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow();
        using var dir = new TempDir();
        SnapshotStore.Save(original, dir.Path, compress);
        var loaded = SnapshotSources.FromDirectory(dir.Path).GetValueOrThrow();
        loaded.Meta.ShouldBe(original.Meta);
        loaded.Files.ShouldBe(original.Files);
        loaded.Tools.ShouldBe(original.Tools);
        loaded.ByIdLinks.ShouldBe(original.ByIdLinks);
        loaded.Commands.Keys.ShouldBe(original.Commands.Keys, ignoreOrder: true);
        loaded.Disks.Count.ShouldBe(original.Disks.Count);
        foreach (var (a, b) in loaded.Disks.Zip(original.Disks))
        {
            (a with { Regions = [], ByIdNames = [], Partitions = [] }).ShouldBe(b with { Regions = [], ByIdNames = [], Partitions = [] });
            a.Partitions.ShouldBe(b.Partitions);
            a.ByIdNames.ShouldBe(b.ByIdNames);
            a.Regions.Select(r => (r.Offset, Convert.ToHexString(r.Bytes.Span))).ShouldBe(b.Regions.Select(r => (r.Offset, Convert.ToHexString(r.Bytes.Span))));
        }
    }

    [Fact]
    public void NotASnapshotDirectory()
    {
        using var dir = new TempDir();
        SnapshotSources.FromDirectory(dir.Path).Error!.Problem.ShouldContain("no meta.txt");
        SnapshotSources.FromDirectory("/nonexistent").Error!.Problem.ShouldContain("is not a directory");
    }

    [Fact]
    public void RegionFileOfTheWrongLength()
    {
        using var dir = new TempDir();
        SnapshotStore.Save(SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow(), dir.Path);
        File.WriteAllBytes(Path.Combine(dir.Path, "disks/sda/bytes-0.bin"), new byte[100]);
        var result = SnapshotSources.FromDirectory(dir.Path);
        result.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        result.Error.Problem.ShouldContain("bytes-0.bin is missing or not 1048576 bytes long");
    }

    [Theory]
    [InlineData("", FormatErrorKind.NotPresent)]
    [InlineData("@@xsraid-probe 1\n@@file /etc/fstab\n|x\n", FormatErrorKind.Truncated)]
    [InlineData("@@xsraid-probe 1\n@@meta\n|a=b\n@@end\n", FormatErrorKind.Truncated)]
    [InlineData("@@xsraid-probe 1\n@@hex sdz head 0 4\n| 00 01 02 03\n@@end\n@@done\n", FormatErrorKind.Corrupt)]
    [InlineData("@@xsraid-probe 1\n@@sys sda\n|size=8\n@@end\n@@hex sda head 0 2\n| zz yy\n@@end\n@@done\n", FormatErrorKind.Corrupt)]
    [InlineData("@@xsraid-probe 1\nstray\n@@done\n", FormatErrorKind.Corrupt)]
    public void BadProbeOutput(string text, FormatErrorKind kind) => ProbeOutputParser.Parse(text).Error!.Kind.ShouldBe(kind);

    [Fact]
    public void ReadsOutsideTheCapturedRegionsAreTypedErrors()
    {
        var disk = SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow().Disk("/dev/sda")!.AsBlockSource();
        disk.Read(0, 512).IsOk.ShouldBeTrue();
        var missing = disk.Read(100L << 30, 512);
        missing.Error!.Kind.ShouldBe(FormatErrorKind.IoError);
        missing.Error.Problem.ShouldContain("was not captured");
    }
}
