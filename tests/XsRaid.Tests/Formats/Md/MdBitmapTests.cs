using System.Buffers.Binary;
using System.Globalization;
using XsRaid.Formats.Md;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// Internal bitmaps. mdadm counts a recorded bitmap as present only when the bitmap superblock it points to has
/// the "bitm" magic and the array's UUID; these tests let mdadm judge the same bytes.
/// </summary>
public class MdBitmapTests
{
    public static TheoryData<string, int> BitmapMembers => new() { { "meta10-bitmap", 0 }, { "meta10-bitmap", 1 }, { "meta12-degraded-bitmap", 0 } };

    [Theory]
    [MemberData(nameof(BitmapMembers))]
    public void TheBitmapSuperblockMatchesMdadmExamineBitmap(string fixtureCase, int index)
    {
        using var image = new MdFixtureImage($"md/{fixtureCase}/member-{index}.img.gz");
        var sb = image.Find();
        sb.BitmapPresent.ShouldBeTrue();
        var bitmap = sb.Bitmap.ShouldNotBeNull();
        ShouldMatch(bitmap, MdadmExamineText.Parse(Fixtures.Text($"md/{fixtureCase}/examine-bitmap-{index}.txt")));
        ShouldMatch(bitmap, MdadmLive.ExamineBitmap(image.Path));
    }

    [Fact]
    public void ABitmapWithoutItsMagicIsNotPresent()
    {
        using var image = new MdFixtureImage("md/meta10-bitmap/member-0.img.gz");
        var bitmapAt = image.Find().Bitmap!.Offset;
        image.Bytes[(int)bitmapAt] ^= 0xff;
        File.WriteAllBytes(image.Path, image.Bytes);

        var sb = image.Find();
        sb.BitmapPresent.ShouldBeFalse();
        sb.Bitmap.ShouldBeNull();
        sb.FeatureMap.ShouldBe(0u);
        sb.ChecksumValid.ShouldBeTrue("the superblock itself was not touched");
        sb.ShouldMatchExamine(MdadmLive.Examine(image.Path));
    }

    [Fact]
    public void ABitmapOfAnotherArrayIsNotPresent()
    {
        using var image = new MdFixtureImage("md/meta12-degraded-bitmap/member-0.img.gz");
        var bitmapAt = image.Find().Bitmap!.Offset;
        image.Bytes[(int)bitmapAt + 8] ^= 0x01;
        File.WriteAllBytes(image.Path, image.Bytes);

        var sb = image.Find();
        sb.BitmapPresent.ShouldBeFalse();
        sb.ChecksumValid.ShouldBeTrue("the superblock itself was not touched");
        sb.ShouldMatchExamine(MdadmLive.Examine(image.Path));
    }

    /// <summary>
    /// No 0.90 fixture has a bitmap. A 0.90 bitmap is state bit 8 plus a bitmap superblock 4 KiB after the
    /// superblock; this sets both on a real 0.90 member (with the array's UUID, or a wrong one) and asks mdadm.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A090BitmapIsPresentWhenItsSuperblockCarriesTheArrayUuid(bool rightUuid)
    {
        using var image = new MdFixtureImage("md/meta090-clean/member-0.img.gz");
        var before = image.Find();
        before.BitmapPresent.ShouldBeFalse();
        var at = (int)before.SuperblockOffset;
        var sb = image.Bytes.AsSpan(at, MdSuperblock090.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(sb[132..], BinaryPrimitives.ReadUInt32LittleEndian(sb[132..]) | (1u << MdSuperblock090.BitmapPresentBit));
        BinaryPrimitives.WriteUInt32LittleEndian(sb[152..], MdChecksum.Compute090(sb));
        var bitmap = image.Bytes.AsSpan(at + MdSuperblock090.Size, MdBitmapSuperblock.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(bitmap, MdBitmapSuperblock.ExpectedMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(bitmap[4..], 4);
        before.ArrayUuidBytes.Span.CopyTo(bitmap[8..]);
        bitmap[8] ^= rightUuid ? (byte)0 : (byte)0x5a;
        File.WriteAllBytes(image.Path, image.Bytes);

        var after = image.Find();
        after.BitmapPresent.ShouldBe(rightUuid);
        after.ChecksumValid.ShouldBeTrue();
        (after.Bitmap?.Offset).ShouldBe(rightUuid ? at + MdSuperblock090.Size : null);
        var examine = MdadmLive.Examine(image.Path);
        examine.Has("Internal Bitmap").ShouldBe(rightUuid);
        after.ShouldMatchExamine(examine);
    }

    private static void ShouldMatch(MdBitmapSuperblock bitmap, MdadmExamineText x)
    {
        bitmap.Magic.ShouldBe(Convert.ToUInt32(x["Magic"], 16));
        bitmap.Version.ShouldBe((uint)x.Number("Version"));
        bitmap.Uuid.ShouldBe(x["UUID"]);
        bitmap.Events.ShouldBe((ulong)x.Number("Events"));
        bitmap.EventsCleared.ShouldBe((ulong)x.Number("Events Cleared"));
        ((long)bitmap.ChunkSizeBytes).ShouldBe(Bytes(x["Chunksize"]));
        bitmap.DaemonSleepSeconds.ShouldBe(uint.Parse(x.First("Daemon").TrimEnd('s'), CultureInfo.InvariantCulture));
        (bitmap.WriteBehind == 0).ShouldBe(x["Write Mode"] == "Normal");

        // "Sync Size" is printed in KiB.
        ((long)bitmap.SyncSizeSectors).ShouldBe(x.Number("Sync Size") * 2);
    }

    /// <summary>mdadm's human chunk size: "N B", "N KB", "N MB" or "N GB" (powers of 1024).</summary>
    private static long Bytes(string text)
    {
        var words = text.Split(' ');
        var unit = words[1] switch { "B" => 1L, "KB" => 1L << 10, "MB" => 1L << 20, "GB" => 1L << 30, _ => throw new FormatException(text) };
        return long.Parse(words[0], CultureInfo.InvariantCulture) * unit;
    }
}
