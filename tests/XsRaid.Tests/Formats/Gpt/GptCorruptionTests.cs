using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Gpt;
using XsRaid.Formats.Partitions;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>
/// Truncation at every structure boundary, flipped CRC bytes and absurd header fields: always a ReadResult
/// (a table with findings, or a typed error), never an exception, a hang or a huge read.
/// </summary>
public sealed class GptCorruptionTests : IClassFixture<XenServerImageFixture>
{
    private const int Sector = GptImageBytes.Sector;
    private readonly XenServerImageFixture _image;

    public GptCorruptionTests(XenServerImageFixture image) => _image = image;

    [Fact]
    public void Truncation_at_every_structure_boundary()
    {
        var bytes = _image.Bytes;
        var length = bytes.Length;
        var primaryArrayEnd = 2 * Sector + (128 * 128);
        var backupArrayStart = length - Sector - (128 * 128);
        int[] cuts =
        [
            0, 1, 440, 446, 510, 511, 512, 1023, 1024, 1024 + 92, 1535, 1536, primaryArrayEnd - 1, primaryArrayEnd,
            primaryArrayEnd + 1, 1024 * 1024, backupArrayStart, length - Sector - 1, length - Sector, length - 1, length,
        ];

        foreach (var cut in cuts)
        {
            var result = PartitionTableReader.Read(new MemoryBlockSource(bytes.AsMemory(0, cut)));
            var context = $"cut at {cut}: {result}";
            if (cut < primaryArrayEnd)
            {
                result.Error.ShouldNotBeNull(context).Kind.ShouldBe(FormatErrorKind.Truncated, context);
            }
            else if (cut < length)
            {
                var table = result.Value.ShouldNotBeNull(context);
                table.Type.ShouldBe(PartitionTableType.Gpt, context);
                table.Gpt!.Backup.ShouldBeNull(context);
                table.Partitions.Count.ShouldBe(3, context);
                table.Findings.ShouldContain(f => f.Contains("no backup GPT header"), context);
            }
            else
            {
                result.Value.ShouldNotBeNull(context).Findings.ShouldBeEmpty(context);
            }
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public void A_flipped_header_crc_byte_in_either_copy_is_a_finding(int crcByte)
    {
        var primaryBad = _image.Copy();
        primaryBad[Sector + crcByte] ^= 0x01;
        var fromBackup = Read(primaryBad);
        fromBackup.Gpt!.ReadFromBackup.ShouldBeTrue();
        fromBackup.Findings.ShouldContain(f => f.Contains("primary GPT header at LBA 1 is unusable: header CRC32"));

        var backupBad = _image.Copy();
        backupBad[(GptImageBytes.LastLba(backupBad) * Sector) + crcByte] ^= 0x80;
        var fromPrimary = Read(backupBad);
        fromPrimary.Gpt!.Backup.ShouldBeNull();
        fromPrimary.Findings.ShouldContain(f => f.Contains("backup GPT header") && f.Contains("header CRC32"));
    }

    [Theory]
    [InlineData(88)]
    [InlineData(91)]
    public void A_flipped_entries_crc_byte_under_a_valid_header_crc_is_a_finding(int crcByte)
    {
        var bytes = _image.Copy();
        bytes[Sector + crcByte] ^= 0x10;
        GptImageBytes.ResignHeader(bytes, 1);

        var table = Read(bytes);

        table.Gpt!.Integrity.ShouldBe(new GptIntegrity(true, false, true, true));
        table.Gpt.ReadFromBackup.ShouldBeTrue();
        table.Findings.ShouldContain(f => f.Contains("primary GPT partition entry array is unusable") && f.Contains("CRC32"));
    }

    public static TheoryData<string, int, ulong, bool> AbsurdFields() => new()
    {
        { "header size", 12, 0xFFFFFFFF, false },
        { "header size", 12, 0, false },
        { "header size", 12, 91, false },
        { "header size", 12, 513, false },
        { "entry count", 80, 0xFFFFFFFF, false },
        { "entry count", 80, 65537, false },
        { "entry count", 80, 65536, false },
        { "entry size", 84, 0xFFFFFFFF, false },
        { "entry size", 84, 0, false },
        { "entry size", 84, 127, false },
        { "entry size", 84, 129, false },
        { "entry size", 84, 384, false },
        { "entry size", 84, 8192, false },
        { "entries LBA", 72, ulong.MaxValue, true },
        { "entries LBA", 72, long.MaxValue, true },
        { "entries LBA", 72, 0, true },
        { "first usable LBA", 40, ulong.MaxValue - 1, true },
        { "last usable LBA", 48, 0, true },
        { "my LBA", 24, 5, true },
        { "alternate LBA", 32, ulong.MaxValue, true },
    };

    [Theory]
    [MemberData(nameof(AbsurdFields))]
    public void Absurd_header_fields_with_valid_crcs_are_findings_or_errors_and_read_little(
        string field, int offset, ulong value, bool wide)
    {
        foreach (var both in new[] { false, true })
        {
            var bytes = _image.Copy();
            var lbas = both ? new[] { 1L, GptImageBytes.LastLba(bytes) } : [1L];
            foreach (var lba in lbas)
            {
                if (wide)
                {
                    GptImageBytes.SetU64(bytes, lba, offset, value);
                }
                else
                {
                    GptImageBytes.SetU32(bytes, lba, offset, (uint)value);
                }
            }

            var source = new CountingBlockSource(new MemoryBlockSource(bytes));
            var result = PartitionTableReader.Read(source);
            var context = $"{field} = {value}, both copies: {both}: {result}";

            source.BytesRead.ShouldBeLessThan(10L * 1024 * 1024, context);
            if (result.Value is { } table)
            {
                table.Findings.ShouldNotBeEmpty(context);
                table.Partitions.Count.ShouldBe(3, context);
            }
            else
            {
                both.ShouldBeTrue(context);
                result.Error!.Kind.ShouldBeOneOf([FormatErrorKind.Corrupt, FormatErrorKind.Truncated], context);
            }
        }
    }

    [Fact]
    public void The_entry_parser_bounds_itself_whatever_count_and_size_it_is_given()
    {
        var array = _image.Bytes.AsSpan(2 * Sector, 128 * 128);

        GptPartitionEntryReader.Parse(array, uint.MaxValue, uint.MaxValue).Entries.ShouldBeEmpty();
        GptPartitionEntryReader.Parse(array, uint.MaxValue, 128).Entries.Count.ShouldBe(3);
        GptPartitionEntryReader.Parse(array, 128, 0).Findings.ShouldNotBeEmpty();
        GptPartitionEntryReader.Parse(array[..200], 128, 128).Findings.ShouldContain("the entry array holds 1 of the 128 entries the header announces");
    }

    private static PartitionTable Read(byte[] bytes) =>
        PartitionTableReader.Read(new MemoryBlockSource(bytes)).GetValueOrThrow();
}
