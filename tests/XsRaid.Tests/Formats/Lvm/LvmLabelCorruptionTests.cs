using XsRaid.Tests.Support;
using System.Buffers.Binary;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Lvm;
using XsRaid.Tests.Formats.Ext;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>
/// A real PV damaged in memory: label damage must be reported (and blkid must agree there is no PV), damage
/// beyond the label leaves the PV readable with a MetadataError; never an exception.
/// </summary>
public sealed class LvmLabelCorruptionTests : IClassFixture<LvmPvImageFixture>
{
    // Where pvcreate put things (sector 1 label, 1 MiB data alignment); the first test checks these.
    private const int Label = 512;
    private const int LabelCrc = Label + 16;
    private const int PvHeader = Label + 32;
    private const int MetadataLocation = PvHeader + 32 + 8 + 32; // after the data area list and its end
    private const int Mda = 4096;
    private const int RawLocation = Mda + 40;

    private readonly LvmPvImageFixture _pv;

    public LvmLabelCorruptionTests(LvmPvImageFixture pv) => _pv = pv;

    [Fact]
    public void The_undamaged_image_is_read_with_its_vg()
    {
        var pv = Read(_pv.Bytes).GetValueOrThrow();

        pv.LabelSector.ShouldBe(Label / 512);
        pv.MetadataAreas[0].Offset.ShouldBe((ulong)Mda);
        BinaryPrimitives.ReadUInt64LittleEndian(_pv.Bytes.AsSpan(MetadataLocation)).ShouldBe((ulong)Mda);
        pv.VgName.ShouldBe(_pv.VgName);
    }

    public static TheoryData<string, Action<byte[]>, FormatErrorKind> LabelDamage => new()
    {
        { "a byte in the CRC-covered part", b => b[Label + 100] ^= 0x20, FormatErrorKind.Corrupt },
        { "the CRC itself", b => b[LabelCrc] ^= 1, FormatErrorKind.Corrupt },
        { "the sector number", b => b[Label + 8] = 2, FormatErrorKind.Corrupt },
        { "the type, CRC fixed", b => Resealed(b, () => b[Label + 24 + 7] = (byte)'2'), FormatErrorKind.Unsupported },
        { "the signature", b => b[Label] = (byte)'l', FormatErrorKind.NotPresent },
    };

    [Theory]
    [MemberData(nameof(LabelDamage))]
    public void Label_damage_is_reported_and_blkid_sees_no_pv_either(string damage, Action<byte[]> apply, FormatErrorKind expected)
    {
        var path = _pv.FileWith("damaged.img", apply);

        var result = ReadFile(path);

        _ = damage; // the case's name, shown by the runner
        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(expected);
        BlkidExport.Probe(path).ContainsKey("TYPE").ShouldBeFalse();
    }

    public static TheoryData<string, Action<byte[]>, FormatErrorKind> LabelFieldDamage => new()
    {
        { "a PV UUID character LVM never writes", b => Resealed(b, () => b[PvHeader + 5] = (byte)'-'), FormatErrorKind.Corrupt },
        { "the pv_header offset past the sector", b => Resealed(b, () => b[Label + 20] = 0xF0), FormatErrorKind.Corrupt },
        { "a location list with no end", b => Resealed(b, () => b.AsSpan(PvHeader + 40, 472).Fill(0x11)), FormatErrorKind.Corrupt },
    };

    [Theory]
    [MemberData(nameof(LabelFieldDamage))]
    public void Impossible_pv_header_fields_with_a_good_crc_are_corrupt(string damage, Action<byte[]> apply, FormatErrorKind expected)
    {
        var bytes = _pv.Bytes.ToArray();
        apply(bytes);

        _ = damage;
        Read(bytes).Error!.Kind.ShouldBe(expected);
    }

    public static TheoryData<string, Action<byte[]>, FormatErrorKind> MetadataDamage => new()
    {
        { "area offset beyond the device", b => Resealed(b, () => Put64(b, MetadataLocation, 1UL << 40)), FormatErrorKind.Corrupt },
        { "area offset just short of the device end", b => Resealed(b, () => Put64(b, MetadataLocation, LvmPvImageFixture.ImageBytes - 511)), FormatErrorKind.Corrupt },
        { "area size beyond the device", b => Resealed(b, () => Put64(b, MetadataLocation + 8, ulong.MaxValue - 100)), FormatErrorKind.Corrupt },
        { "area offset outside the 1 MiB window", b => Resealed(b, () => Put64(b, MetadataLocation, 2UL << 20)), FormatErrorKind.Unsupported },
        { "a header byte", b => b[Mda + 300] ^= 4, FormatErrorKind.Corrupt },
        { "the header magic, CRC fixed", b => MdaResealed(b, () => b[Mda + 5] = (byte)'X'), FormatErrorKind.Corrupt },
        { "the header version, CRC fixed", b => MdaResealed(b, () => b[Mda + 20] = 2), FormatErrorKind.Unsupported },
        { "the header start, CRC fixed", b => MdaResealed(b, () => Put64(b, Mda + 24, 8192)), FormatErrorKind.Corrupt },
        { "text offset past the area, CRC fixed", b => MdaResealed(b, () => Put64(b, RawLocation, 1UL << 30)), FormatErrorKind.Corrupt },
        { "text offset inside the header, CRC fixed", b => MdaResealed(b, () => Put64(b, RawLocation, 100)), FormatErrorKind.Corrupt },
        { "text size larger than the area, CRC fixed", b => MdaResealed(b, () => Put64(b, RawLocation + 8, 1UL << 32)), FormatErrorKind.Corrupt },
        { "a text byte", b => b[Mda + (int)Get64(b, RawLocation) + 3] ^= 1, FormatErrorKind.Corrupt },
        { "the VG name, both CRCs fixed", b => TextResealed(b, 0, "{{{{"u8), FormatErrorKind.Corrupt },
    };

    [Theory]
    [MemberData(nameof(MetadataDamage))]
    public void Metadata_damage_keeps_the_pv_and_reports_the_metadata_error(string damage, Action<byte[]> apply, FormatErrorKind expected)
    {
        var path = _pv.FileWith("damaged.img", apply);

        var pv = ReadFile(path).GetValueOrThrow();

        _ = damage;
        pv.VgName.ShouldBeNull();
        pv.Metadata.ShouldBeNull();
        pv.MetadataError!.Kind.ShouldBe(expected);
        BlkidExport.Probe(path)["UUID"].ShouldBe(pv.PvUuid); // the label is still good for blkid
    }

    [Fact]
    public void The_ignored_flag_keeps_the_header_and_skips_the_text()
    {
        var bytes = _pv.Bytes.ToArray();
        MdaResealed(bytes, () => bytes[RawLocation + 20] = 1);

        var pv = Read(bytes).GetValueOrThrow();

        pv.MetadataError.ShouldBeNull();
        pv.Metadata!.TextIgnored.ShouldBeTrue();
        pv.VgName.ShouldBeNull();
    }

    [Theory]
    [InlineData(0, FormatErrorKind.NotPresent)]
    [InlineData(511, FormatErrorKind.NotPresent)]
    [InlineData(520, FormatErrorKind.Truncated)] // LABELONE seen, the sector cut
    [InlineData(1023, FormatErrorKind.Truncated)]
    public void A_device_cut_inside_the_label_gives_a_typed_error(int length, FormatErrorKind expected)
    {
        Read(_pv.Bytes.AsMemory(0, length)).Error!.Kind.ShouldBe(expected);
    }

    [Theory]
    [InlineData(1024)] // the label, no metadata area
    [InlineData(Mda + 511)] // the area header cut
    [InlineData(Mda + 512)] // the header, the area's text cut
    public void A_device_cut_after_the_label_keeps_the_pv_with_a_metadata_error(int length)
    {
        var pv = Read(_pv.Bytes.AsMemory(0, length)).GetValueOrThrow();

        pv.MetadataError!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void Seeded_mutations_of_a_real_pv_never_throw()
    {
        var image = _pv.Bytes.AsSpan(0, 2 * LvmLabelReader.WindowBytes).ToArray();
        var textAt = Mda + (int)Get64(image, RawLocation);
        var textSize = (int)Get64(image, RawLocation + 8);

        var tally = MutationLoop.Run(
            image,
            [(0, 2048), (Label, 32), (PvHeader, 120), (Mda, 512), (RawLocation, 24), (textAt, textSize)],
            LvmLabelReader.Read);

        tally.Ok.ShouldBeGreaterThan(0);
        tally.ErrorCount(FormatErrorKind.Corrupt).ShouldBeGreaterThan(0);
        tally.ErrorCount(FormatErrorKind.NotPresent).ShouldBeGreaterThan(0);
        tally.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    private static ReadResult<LvmPhysicalVolume> Read(ReadOnlyMemory<byte> bytes) =>
        LvmLabelReader.Read(new MemoryBlockSource(bytes));

    private static ReadResult<LvmPhysicalVolume> ReadFile(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return LvmLabelReader.Read(source);
    }

    private static ulong Get64(byte[] b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));

    private static void Put64(byte[] b, int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at), value);

    /// <summary>Applies a change to the label and recomputes the label CRC, as a writer that meant it would.</summary>
    private static void Resealed(byte[] b, Action change)
    {
        change();
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(LabelCrc), LvmCrc.Compute(b.AsSpan(Label + 20, 512 - 20)));
    }

    private static void MdaResealed(byte[] b, Action change)
    {
        change();
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(Mda), LvmCrc.Compute(b.AsSpan(Mda + 4, 512 - 4)));
    }

    private static void TextResealed(byte[] b, int at, ReadOnlySpan<byte> bytes)
    {
        var text = b.AsSpan(Mda + (int)Get64(b, RawLocation), (int)Get64(b, RawLocation + 8));
        bytes.CopyTo(text[at..]);
        var crc = LvmCrc.Compute(text);
        MdaResealed(b, () => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(RawLocation + 16), crc));
    }
}
