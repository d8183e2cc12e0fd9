using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Fat;
using XsRaid.Inspection;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Fat;

/// <summary>FAT filesystems made by the real mkfs.vfat (dosfstools), read back and compared with blkid -p.</summary>
public sealed class FatBootSectorReaderTests
{
    [Theory]
    [InlineData(1, "FAT12", "TINY")]
    [InlineData(64, "FAT16", "DATA")]
    [InlineData(512, "FAT32", "BOOT-HBNWRC")]
    public void KindLabelAndVolumeIdMatchBlkid(int mebibytes, string kind, string label)
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("fat.img", mebibytes * 1024L * 1024);
        Tool.Run("mkfs.vfat", "-i", "5A3C9E21", "-n", label, image);
        var blkid = BlkidExport.Probe(image);

        var fat = Read(image).GetValueOrThrow();

        blkid["TYPE"].ShouldBe("vfat");
        fat.Kind.ShouldBe(blkid["VERSION"]);
        fat.Kind.ShouldBe(kind);
        fat.Label.ShouldBe(blkid["LABEL"]);
        fat.UuidText.ShouldBe(blkid["UUID"]);
        fat.UuidText.ShouldBe("5A3C-9E21");
        fat.SizeBytes.ShouldBeLessThanOrEqualTo(mebibytes * 1024L * 1024);
    }

    [Fact]
    public void NoLabelIsEmptyAsInBlkid()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("fat.img", 8L * 1024 * 1024);
        Tool.Run("mkfs.vfat", image);

        BlkidExport.Probe(image).ShouldNotContainKey("LABEL");
        Read(image).GetValueOrThrow().Label.ShouldBe("");
    }

    [Fact]
    public void AnEspIsReportedAsVfatByTheContentProber()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("esp.img", 512L * 1024 * 1024);
        Tool.Run("mkfs.vfat", "-i", "5A3C9E21", "-n", "BOOT-HBNWRC", image);
        using var source = FileBlockSource.Open(image).GetValueOrThrow();

        var content = ContentProber.Probe(source);

        content.Type.ShouldBe(ContentType.Vfat);
        content.Label.ShouldBe("BOOT-HBNWRC");
        content.Uuid.ShouldBe("5A3C-9E21");
    }

    public static TheoryData<string, int, byte[]> NotFat => new()
    {
        { "no boot signature", 510, [0x00] },
        { "no jump", 0, [0x00] },
        { "a 3-sector cluster", 13, [3] },
        { "no reserved sectors", 14, [0, 0] },
        { "no FAT copies", 16, [0] },
        { "a media byte of 0x12", 21, [0x12] },
        { "768-byte sectors", 11, [0x00, 0x03] },
    };

    [Theory]
    [MemberData(nameof(NotFat))]
    public void ABootSectorWithABrokenParameterBlockIsNotFat(string what, int offset, byte[] bytes)
    {
        var sector = MadeSector();
        bytes.CopyTo(sector, offset);

        FatBootSectorReader.Parse(sector).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent, what);
    }

    [Fact]
    public void ATotalOfZeroSectorsIsCorrupt()
    {
        var sector = MadeSector();
        sector[19] = sector[20] = 0;
        sector[32] = sector[33] = sector[34] = sector[35] = 0;

        FatBootSectorReader.Parse(sector).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void AProtectiveMbrIsNotFat()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("disk.img", 64L * 1024 * 1024);
        Tool.Run("sgdisk", "--clear", image);

        Read(image).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(511)]
    public void ATruncatedSectorIsTruncated(int length)
    {
        var result = FatBootSectorReader.Parse(MadeSector().AsSpan(0, length));

        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(FormatErrorKind.Truncated);
    }

    [Fact]
    public void RandomSectorsWithTheSignatureAreNeverAcceptedWithoutAParameterBlock()
    {
        var random = new Random(20261207);
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var sector = new byte[512];
            random.NextBytes(sector);
            sector[510] = 0x55;
            sector[511] = 0xAA;
            var result = FatBootSectorReader.Parse(sector);
            if (result.IsOk)
            {
                accepted++;
                result.Value!.BytesPerSector.ShouldBeOneOf(512, 1024, 2048, 4096);
            }
        }

        accepted.ShouldBeLessThan(5);
    }

    private static byte[] MadeSector()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("fat.img", 8L * 1024 * 1024);
        Tool.Run("mkfs.vfat", "-n", "X", image);
        return File.ReadAllBytes(image)[..512];
    }

    private static ReadResult<FatBootSector> Read(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return FatBootSectorReader.Read(source);
    }
}
