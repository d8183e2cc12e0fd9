using System.Buffers.Binary;
using XsRaid.Formats;
using XsRaid.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>
/// One feature bit (or state value) at a time set in a real featureless ext2 superblock, then the reader's
/// names, kind and state compared with what dumpe2fs and blkid make of the same bytes.
/// </summary>
public sealed class ExtFeatureSweepTests
{
    private const int CompatAt = 92;
    private const int IncompatAt = 96;
    private const int RoCompatAt = 100;
    private const int StateAt = 58;

    public static TheoryData<string, int> FeatureWords => new()
    {
        { "compat", CompatAt },
        { "incompat", IncompatAt },
        { "ro_compat", RoCompatAt },
    };

    [Theory]
    [MemberData(nameof(FeatureWords))]
    public void Each_feature_bit_has_the_name_dumpe2fs_prints_and_the_type_blkid_gives(string word, int at)
    {
        using var dir = new TempDir();
        var plain = ExtImage.Make(dir, "plain.img", 8L * 1024 * 1024, "-t", "ext2", "-O", "none");
        var image = dir.File("bit.img");
        var compared = 0;
        for (var bit = 0; bit < 32; bit++)
        {
            // 64bit changes the group descriptor size: dumpe2fs cannot open the image then. The real ext4
            // images of ExtSuperblockToolTests cover that name.
            if (at == IncompatAt && 1u << bit == ExtFeature.Incompat64Bit)
            {
                continue;
            }

            File.Copy(plain, image, overwrite: true);
            SetBit(image, at, bit);

            var dump = DumpE2fsHeader.Of(image);
            var blkid = BlkidExport.Probe(image);
            var read = ExtImage.Read(image);

            var context = $"{word} bit {bit}";
            var sb = ExtImage.Head(image).AsSpan(ExtSuperblockReader.Offset);
            ExtFeatureNames.Of(
                    BinaryPrimitives.ReadUInt32LittleEndian(sb[CompatAt..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(sb[IncompatAt..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(sb[RoCompatAt..]))
                .ShouldBe(dump.Features, context);
            if (blkid.TryGetValue("TYPE", out var type))
            {
                read.IsOk.ShouldBeTrue($"{context}: blkid says {type}, the reader says {read}");
                read.Value!.Kind.ShouldBe(type, context);
                read.Value.FeatureNames.ShouldBe(dump.Features, context);
                compared++;
            }
            else
            {
                read.IsOk.ShouldBeFalse($"{context}: blkid finds nothing, the reader found {read}");
                read.Error!.Kind.ShouldBe(FormatErrorKind.Unsupported, context);
            }
        }

        compared.ShouldBeGreaterThan(25);
    }

    [Fact]
    public void Each_state_value_is_described_as_dumpe2fs_describes_it()
    {
        using var dir = new TempDir();
        var plain = ExtImage.Make(dir, "plain.img", 8L * 1024 * 1024, "-t", "ext2");
        var image = dir.File("state.img");
        for (ushort state = 0; state < 8; state++)
        {
            File.Copy(plain, image, overwrite: true);
            WriteAt(image, StateAt, BitConverter.GetBytes(state));

            var sb = ExtImage.Read(image).GetValueOrThrow();

            sb.State.ShouldBe(state);
            sb.StateText.ShouldBe(DumpE2fsHeader.Of(image)["Filesystem state"], $"state {state}");
        }
    }

    private static void SetBit(string image, int at, int bit)
    {
        var word = new byte[4];
        using (var fs = new FileStream(image, FileMode.Open, FileAccess.Read))
        {
            fs.Position = ExtSuperblockReader.Offset + at;
            fs.ReadExactly(word);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(word, BinaryPrimitives.ReadUInt32LittleEndian(word) | (1u << bit));
        WriteAt(image, at, word);
    }

    private static void WriteAt(string image, int at, byte[] bytes)
    {
        using var fs = new FileStream(image, FileMode.Open, FileAccess.Write);
        fs.Position = ExtSuperblockReader.Offset + at;
        fs.Write(bytes);
    }
}
