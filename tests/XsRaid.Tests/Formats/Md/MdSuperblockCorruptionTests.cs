using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Md;

namespace XsRaid.Tests.Formats.Md;

/// <summary>Short, impossible and damaged superblocks give typed errors (or a reported bad checksum), never exceptions.</summary>
public class MdSuperblockCorruptionTests
{
    private const string Meta12 = "md/meta12-clean/member-0.img.gz";
    private const string Meta10 = "md/meta10-clean/member-0.img.gz";
    private const string Meta090 = "md/meta090-clean/member-0.img.gz";

    public static TheoryData<string, int> Members => MdFixtureMember.Theory();

    /// <summary>Every prefix length 0..4096, so every field boundary (and every byte inside a field) is a cut.</summary>
    [Theory]
    [MemberData(nameof(Members))]
    public void EveryPrefixOfTheSuperblockIsTruncatedUntilItIsComplete(string fixtureCase, int index)
    {
        using var image = new MdFixtureImage(new MdFixtureMember(fixtureCase, index).Image);
        var full = image.Find();
        var bytes = image.Bytes.AsSpan((int)full.SuperblockOffset, MdSuperblock090.Size);
        var needed = full.V1?.ByteLength ?? MdSuperblock090.Size;
        for (var length = 0; length <= bytes.Length; length++)
        {
            var prefix = bytes[..length];
            var parsed = full.Version == "0.90"
                ? MdSuperblockReader.Parse090(prefix, full.SuperblockOffset)
                : MdSuperblockReader.Parse1(prefix, full.Version, full.SuperblockOffset);
            if (length < needed)
            {
                parsed.IsOk.ShouldBeFalse($"a {length}-byte prefix");
                parsed.Error.Kind.ShouldBe(FormatErrorKind.Truncated, $"a {length}-byte prefix");
            }
            else
            {
                parsed.IsOk.ShouldBeTrue($"a {length}-byte prefix: {parsed.Error}");
                parsed.Value.ArrayUuid.ShouldBe(full.ArrayUuid);
                parsed.Value.Events.ShouldBe(full.Events);
                parsed.Value.ArrayState.ShouldBe(full.ArrayState);
                parsed.Value.ComputedChecksum.ShouldBe(full.ComputedChecksum);
            }
        }
    }

    [Theory]
    [InlineData(Meta12, 92, 1921u)]
    [InlineData(Meta12, 220, 1921u)]
    [InlineData(Meta12, 220, uint.MaxValue)]
    [InlineData(Meta090, 40, 28u)]
    public void AbsurdDeviceCountsAreCorrupt(string image, int offset, uint value)
    {
        using var member = new EditedMember(image);
        member.U32(offset, value);
        if (offset != 220)
        {
            // A max_dev this large leaves no checksum to compute; the others get a right one, so only the count is wrong.
            member.FixChecksum();
        }

        var corrupt = MdSuperblockReader.Find(member.Source);
        corrupt.IsOk.ShouldBeFalse();
        corrupt.Error.Kind.ShouldBe(FormatErrorKind.Corrupt);
        corrupt.Error.Offset.ShouldBe(member.Original.SuperblockOffset + offset);
    }

    /// <summary>The largest counts that fit are read, and mdadm reads them the same way.</summary>
    [Theory]
    [InlineData(Meta12, 92, 1920u)]
    [InlineData(Meta12, 220, 1920u)]
    [InlineData(Meta090, 40, 27u)]
    public void TheLargestDeviceCountsThatFitAreRead(string image, int offset, uint value)
    {
        using var member = new EditedMember(image);
        var sb = member.U32(offset, value).FixChecksum().SaveAndFind();
        sb.ShouldMatchExamine(MdadmLive.Examine(member.Path));
    }

    [Fact]
    public void ADataAreaPastTheDeviceIsCorruptAndMdadmSeesItRunPastTheEnd()
    {
        using var member = new EditedMember(Meta12);
        member.U64(128, 4096).FixChecksum();
        File.WriteAllBytes(member.Path, member.Bytes);

        var found = MdSuperblockReader.Find(member.Source);
        found.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);

        // mdadm 4.2 --examine still prints it, but its "Unused Space ... after=" has gone below zero (a u64 wrap).
        var unused = MdadmLive.Examine(member.Path)["Unused Space"];
        var after = unused[(unused.IndexOf("after=", StringComparison.Ordinal) + 6)..].Split(' ')[0];
        ulong.Parse(after, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan((ulong)long.MaxValue);

        // Without the device's size the superblock alone cannot tell.
        MdSuperblockReader.Parse1(member.Superblock, "1.2", 4096).IsOk.ShouldBeTrue();
        MdSuperblockReader.Parse1(member.Superblock, "1.2", 4096, member.Bytes.Length).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void ASuperOffsetOfAnotherPlaceIsCorruptAndMdadmFindsNoSuperblockEither()
    {
        using var member = new EditedMember(Meta12);
        member.U64(144, 9).FixChecksum();
        File.WriteAllBytes(member.Path, member.Bytes);

        MdSuperblockReader.Find(member.Source).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        MdadmLive.SaysNoSuperblock(member.Path).ShouldBeTrue();
    }

    /// <summary>Stricter than mdadm, as the kernel is: data may not overlap the superblock.</summary>
    [Theory]
    [InlineData(Meta12, 128, 8ul)]
    [InlineData(Meta10, 136, 32753ul)]
    [InlineData(Meta12, 136, ulong.MaxValue)]
    [InlineData(Meta12, 80, 1ul << 60)]
    public void ADataAreaOverlappingTheSuperblockOrBeyondAnyDeviceIsCorrupt(string image, int offset, ulong value)
    {
        using var member = new EditedMember(image);
        member.U64(offset, value).FixChecksum();
        var parsed = MdSuperblockReader.Parse1(member.Superblock, member.Original.Version, member.Original.SuperblockOffset);
        parsed.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(192)]
    public void ATimePastYear9999IsCorrupt(int offset)
    {
        using var member = new EditedMember(Meta12);
        member.U64(offset, 0xFF_FFFF_FFFFUL).FixChecksum();
        MdSuperblockReader.Find(member.Source).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
    }

    [Fact]
    public void VersionsAreNotMixedUp()
    {
        using var v1 = new EditedMember(Meta12);
        using var v090 = new EditedMember(Meta090);
        MdSuperblockReader.Parse090(v1.Superblock, 4096).Error!.Kind.ShouldBe(FormatErrorKind.Unsupported);
        MdSuperblockReader.Parse1(v090.Superblock, "1.0", v090.Original.SuperblockOffset).Error!.Kind.ShouldBe(FormatErrorKind.Unsupported);
        MdSuperblockReader.Parse1(v1.Superblock, "1.3", 4096).Error!.Kind.ShouldBe(FormatErrorKind.Unsupported);
        MdSuperblockReader.Parse1(v1.Superblock, "1.1", 4096).Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        MdSuperblockReader.Parse1(new byte[4096], "1.2", 4096).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
        MdSuperblockReader.Parse090(new byte[4096], 0).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(12 * 1024)]
    [InlineData(64 * 1024)]
    [InlineData(1024 * 1024)]
    public void AnEmptyOrTinyDeviceHasNone(int length)
    {
        var device = new CountingBlockSource(new MemoryBlockSource(new byte[length]));
        MdSuperblockReader.Find(device).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
        MdSuperblockReader.FindAll(device).ShouldBeEmpty();
        device.BytesRead.ShouldBeLessThanOrEqualTo(2 * 4 * 4096);
    }
}
