using XsRaid.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>Images made by mke2fs; every field compared with what dumpe2fs -h and blkid -p print.</summary>
public sealed class ExtSuperblockToolTests
{
    public static TheoryData<string, long, string[]> Images => new()
    {
        { "ext3 as XenServer makes its root", ExtImage.DefaultBytes, ["-t", "ext3", "-L", "root-abcdefgh"] },
        { "ext2", ExtImage.DefaultBytes, ["-t", "ext2", "-L", "boot"] },
        { "ext4 defaults", ExtImage.DefaultBytes, ["-t", "ext4"] },
        { "ext4 4 KiB blocks", ExtImage.DefaultBytes, ["-t", "ext4", "-b", "4096", "-L", "data"] },
        { "ext4 -O 64bit", ExtImage.DefaultBytes, ["-t", "ext4", "-O", "64bit", "-L", "sixty-four"] },
        { "ext4 without metadata_csum", ExtImage.DefaultBytes, ["-t", "ext4", "-O", "^metadata_csum"] },
        { "external journal (jbd)", 16L * 1024 * 1024, ["-O", "journal_dev", "-L", "jdev"] },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_field_matches_dumpe2fs_and_blkid(string name, long bytes, string[] options)
    {
        using var dir = new TempDir();
        var image = ExtImage.Make(dir, "fs.img", bytes, options);

        var sb = ExtImage.Read(image).GetValueOrThrow();

        _ = name; // the case's name, shown by the runner
        CompareWithTools(image, sb);
    }

    [Fact]
    public void Last_mounted_directory_set_by_tune2fs_is_read()
    {
        using var dir = new TempDir();
        var image = ExtImage.Make(dir, "root.img", ExtImage.DefaultBytes, "-t", "ext3", "-L", "root-abcdefgh");
        Tool.Run("tune2fs", "-M", "/mnt/xsraid-root", image);

        var sb = ExtImage.Read(image).GetValueOrThrow();

        DumpE2fsHeader.Of(image)["Last mounted on"].ShouldBe(sb.LastMountedOn);
        CompareWithTools(image, sb);
    }

    [Fact]
    public void Sixty_four_bit_counts_above_four_billion_blocks_use_the_high_words()
    {
        // 4 TiB + 64 MiB of 1 KiB blocks: more than 2^32 blocks. bigalloc keeps mke2fs' writes small.
        using var dir = new TempDir();
        var image = ExtImage.Make(
            dir,
            "huge.img",
            (4L << 40) + (64L << 20),
            "-t", "ext4", "-O", "64bit,bigalloc", "-C", "65536", "-b", "1024", "-N", "16384", "-J", "size=4",
            "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard");

        var sb = ExtImage.Read(image).GetValueOrThrow();

        DumpE2fsHeader.Of(image).Number("Block count").ShouldBeGreaterThan(uint.MaxValue);
        DumpE2fsHeader.Of(image).Number("Free blocks").ShouldBeGreaterThan(uint.MaxValue);
        CompareWithTools(image, sb);
    }

    [Fact]
    public void A_wrong_superblock_checksum_is_reported_as_dumpe2fs_reports_it()
    {
        using var dir = new TempDir();
        var image = ExtImage.Make(dir, "fs.img", ExtImage.DefaultBytes, "-t", "ext4", "-L", "before");
        using (var fs = new FileStream(image, FileMode.Open, FileAccess.Write))
        {
            fs.Position = ExtSuperblockReader.Offset + 120; // s_volume_name, without fixing s_checksum
            fs.Write("after\0"u8);
        }

        var sb = ExtImage.Read(image).GetValueOrThrow();
        var dump = DumpE2fsHeader.Of(image);

        dump.Stderr.ShouldContain("Superblock checksum does not match");
        sb.ChecksumValid.ShouldBe(false);
        sb.StoredChecksum.ShouldBe(Convert.ToUInt32(dump["Checksum"], 16));
        sb.Label.ShouldBe(dump["Filesystem volume name"]);

        // blkid 2.38 does not check the ext superblock checksum: it still names the filesystem.
        BlkidExport.Probe(image)["TYPE"].ShouldBe(sb.Kind);
    }

    internal static void CompareWithTools(string image, ExtSuperblock sb)
    {
        var dump = DumpE2fsHeader.Of(image);
        var blkid = BlkidExport.Probe(image);

        sb.Kind.ShouldBe(blkid["TYPE"]);
        sb.UuidText.ShouldBe(blkid["UUID"]);
        sb.UuidText.ShouldBe(dump["Filesystem UUID"]);
        sb.Label.ShouldBe(blkid.GetValueOrDefault("LABEL", ""));
        sb.Label.ShouldBe(dump["Filesystem volume name"] == "<none>" ? "" : dump["Filesystem volume name"]);
        sb.Version.ShouldBe(blkid["VERSION"]);
        sb.BlockSize.ShouldBe(int.Parse(blkid["BLOCK_SIZE"], System.Globalization.CultureInfo.InvariantCulture));
        ((ulong)sb.BlockSize).ShouldBe(dump.Number("Block size"));
        sb.BlockCount.ShouldBe(dump.Number("Block count"));
        sb.FreeBlocks.ShouldBe(dump.Number("Free blocks"));
        ((ulong)sb.InodeCount).ShouldBe(dump.Number("Inode count"));
        ((ulong)sb.FreeInodes).ShouldBe(dump.Number("Free inodes"));
        sb.FeatureNames.ShouldBe(dump.Features);
        sb.HasJournal.ShouldBe(dump.Features.Contains("has_journal"));
        sb.StateText.ShouldBe(dump["Filesystem state"]);
        sb.LastMountedOn.ShouldBe(dump["Last mounted on"] == "<not available>" ? "" : dump["Last mounted on"]);
        sb.Is64Bit.ShouldBe(dump.Features.Contains("64bit"));
        if (dump.Has("Checksum"))
        {
            dump["Checksum type"].ShouldBe("crc32c");
            sb.StoredChecksum.ShouldBe(Convert.ToUInt32(dump["Checksum"], 16));
            sb.ChecksumValid.ShouldBe(!dump.Stderr.Contains("checksum does not match", StringComparison.Ordinal));
        }
        else
        {
            sb.ChecksumValid.ShouldBeNull();
        }
    }
}
