using System.Buffers.Binary;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>Real mke2fs superblocks, cut short or damaged: every case is a typed error, never an exception.</summary>
public sealed class ExtSuperblockCorruptionTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly byte[] _ext4;

    public ExtSuperblockCorruptionTests()
    {
        _ext4 = ExtImage.Head(ExtImage.Make(_dir, "fs.img", ExtImage.DefaultBytes, "-t", "ext4", "-L", "root-abcdefgh"));
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0, FormatErrorKind.NotPresent)]
    [InlineData(1024, FormatErrorKind.NotPresent)]
    [InlineData(1024 + 57, FormatErrorKind.NotPresent)] // the magic's second byte is missing
    [InlineData(1024 + 58, FormatErrorKind.Truncated)] // the magic is there, the rest is not
    [InlineData(1024 + 104, FormatErrorKind.Truncated)] // the features are there, the UUID is not
    [InlineData(1024 + 336, FormatErrorKind.Truncated)] // before the 64-bit high words
    [InlineData(2047, FormatErrorKind.Truncated)] // one byte short of the checksum's end
    public void Truncated_devices_give_typed_errors(int length, FormatErrorKind expected)
    {
        var result = ExtSuperblockReader.Read(new MemoryBlockSource(_ext4.AsMemory(0, length)));

        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(expected);
    }

    [Fact]
    public void The_whole_superblock_and_nothing_more_is_enough()
    {
        var source = new CountingBlockSource(new MemoryBlockSource(_ext4.AsMemory(0, 2048)));

        ExtSuperblockReader.Read(source).IsOk.ShouldBeTrue();
        source.BytesRead.ShouldBe(ExtSuperblockReader.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(1023)]
    public void Parse_of_a_short_span_is_an_error(int length)
    {
        var result = ExtSuperblockReader.Parse(_ext4.AsSpan(1024, length));

        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(FormatErrorKind.Truncated);
    }

    [Theory]
    [InlineData(7u)]
    [InlineData(31u)]
    [InlineData(32u)]
    [InlineData(uint.MaxValue)]
    public void Absurd_log_block_size_is_corrupt(uint logBlockSize)
    {
        var result = ParseWith(24, logBlockSize);

        result.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        result.Error.Offset.ShouldBe(24);
    }

    [Fact]
    public void Zero_blocks_is_corrupt() => ParseWith(4, 0).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);

    [Fact]
    public void More_free_blocks_than_blocks_is_corrupt()
    {
        var blocks = BinaryPrimitives.ReadUInt32LittleEndian(_ext4.AsSpan(1024 + 4));
        ParseWith(12, blocks + 1).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void Zero_inodes_in_a_filesystem_is_corrupt() => ParseWith(0, 0).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);

    [Fact]
    public void A_block_count_whose_byte_size_overflows_is_corrupt()
    {
        var sb = _ext4.AsSpan(1024, 1024).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(sb.AsSpan(24), 6); // 64 KiB blocks
        BinaryPrimitives.WriteUInt32LittleEndian(sb.AsSpan(336), uint.MaxValue); // 64bit high word

        ExtSuperblockReader.Parse(sb).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void No_magic_is_not_present()
    {
        var result = ParseWith(56, 0);

        result.Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
    }

    [Fact]
    public void Read_reports_offsets_on_the_device()
    {
        var bytes = _ext4.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1024 + 24), 99);

        ExtSuperblockReader.Read(new MemoryBlockSource(bytes)).Error!.Offset.ShouldBe(1024 + 24);
    }

    [Fact]
    public void Seeded_mutations_of_real_superblocks_never_throw()
    {
        var ext3 = ExtImage.Head(ExtImage.Make(_dir, "ext3.img", ExtImage.DefaultBytes, "-t", "ext3"));
        foreach (var image in new[] { _ext4, ext3 })
        {
            var tally = MutationLoop.Run(image, [(1024, 1024), (1024, 128), (1024 + 336, 16)], ExtSuperblockReader.Read);

            tally.Ok.ShouldBeGreaterThan(0);
            tally.ErrorCount(FormatErrorKind.Corrupt).ShouldBeGreaterThan(0);
            tally.ErrorCount(FormatErrorKind.NotPresent).ShouldBeGreaterThan(0);
            tally.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        }
    }

    private ReadResult<ExtSuperblock> ParseWith(int at, uint value)
    {
        var sb = _ext4.AsSpan(1024, 1024).ToArray();
        if (at == 56)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(sb.AsSpan(at), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sb.AsSpan(at), value);
        }

        return ExtSuperblockReader.Parse(sb);
    }
}
