namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// The fixtures are all RAID1 and mostly healthy. Other levels, roles and states are made by editing the fields
/// of a real member (checksum recomputed) and letting the live mdadm say what the result means.
/// md/other-levels/ holds only text (no member image), so it cannot be read here.
/// </summary>
public class MdSuperblockVariantTests
{
    private const string Meta12 = "md/meta12-clean/member-0.img.gz";
    private const string Meta090 = "md/meta090-clean/member-0.img.gz";

    public static TheoryData<string> Variants1 => [.. Edits1.Keys];

    public static TheoryData<string> Variants090 => [.. Edits090.Keys];

    // Offsets in mdp_superblock_1: level 72, layout 76, chunksize 88, raid_disks 92, delta_disks 112,
    // feature_map 8, name 32, dev_number 160, resync_offset 208, events 200, dev_roles 256 + 2 * n.
    private static readonly Dictionary<string, Action<EditedMember>> Edits1 = new(StringComparer.Ordinal)
    {
        ["raid5 of 3"] = m => m.I32(72, 5).U32(92, 3).U32(76, 2).U32(88, 1024),
        ["raid6 of 4"] = m => m.I32(72, 6).U32(92, 4).U32(76, 2).U32(88, 1024),
        ["raid10 near=2 of 4"] = m => m.I32(72, 10).U32(92, 4).U32(76, 0x102).U32(88, 1024),
        ["raid4 of 3"] = m => m.I32(72, 4).U32(92, 3).U32(88, 1024),
        ["raid0"] = m => m.I32(72, 0).U32(88, 1024),
        ["linear"] = m => m.I32(72, -1).U32(88, 0),
        ["multipath"] = m => m.I32(72, -4),
        ["faulty level"] = m => m.I32(72, -5),
        ["this device faulty"] = m => m.U16(256, 0xfffe),
        ["this device spare"] = m => m.U16(256, 0xffff),
        ["this device journal"] = m => m.U16(256, 0xfffd),
        ["this device replacing slot 0"] = m => m.U32(8, 16).U16(258, 0),
        ["two devices claim slot 0 of raid0"] = m => m.I32(72, 0).U16(258, 0),
        ["dev_number past max_dev"] = m => m.U32(160, 200),
        ["dev_number 1"] = m => m.U32(160, 1),
        ["resync not finished"] = m => m.U64(208, 1234),
        ["shrinking reshape"] = m => m.U32(8, 4).I32(112, -1).U64(104, 100).I32(100, 1),
        ["no name"] = m => m.U64(32, 0).U64(40, 0).U64(48, 0).U64(56, 0),
        ["events past 2^32"] = m => m.U64(200, 0x1_0000_0005),
    };

    // Offsets in mdp_super_t: level 28, raid_disks 40, state 132, events_lo 156, events_hi 160,
    // layout 256, chunk_size 260, disks at 512 + 128 * n (raid_disk +12, state +16), this_disk at 3968.
    private static readonly Dictionary<string, Action<EditedMember>> Edits090 = new(StringComparer.Ordinal)
    {
        ["raid5 of 3"] = m => m.U32(28, 5).U32(40, 3).U32(256, 2).U32(260, 65536),
        ["raid0"] = m => m.U32(28, 0).U32(260, 65536),
        ["linear"] = m => m.I32(28, -1),
        ["not clean"] = m => m.U32(132, 0),
        ["this disk faulty"] = m => m.U32(3968 + 16, 1).U32(512 + 16, 1),
        ["other disk faulty removed"] = m => m.U32(512 + 128 + 16, 9),
        ["this disk spare in slot 2"] = m => m.U32(3968 + 12, 2).U32(3968 + 16, 0).U32(512 + 12, 2).U32(512 + 16, 0),
        ["events_hi set"] = m => m.U32(160, 3).U32(156, 7),
    };

    [Theory]
    [MemberData(nameof(Variants1))]
    public void A1xVariantMatchesMdadm(string variant)
    {
        using var member = new EditedMember(Meta12);
        Edits1[variant](member);
        var sb = member.FixChecksum().SaveAndFind();
        sb.ChecksumValid.ShouldBeTrue();
        sb.ShouldMatchExamine(MdadmLive.Examine(member.Path));
        sb.ShouldMatchExport(MdadmLive.ExamineExport(member.Path));
    }

    [Theory]
    [MemberData(nameof(Variants090))]
    public void A090VariantMatchesMdadm(string variant)
    {
        using var member = new EditedMember(Meta090);
        Edits090[variant](member);
        var sb = member.FixChecksum().SaveAndFind();
        sb.ChecksumValid.ShouldBeTrue();
        sb.ShouldMatchExamine(MdadmLive.Examine(member.Path));
        sb.ShouldMatchExport(MdadmLive.ExamineExport(member.Path));
    }

    [Fact]
    public void ALevelMdadmHasNoNameForIsUnknown()
    {
        using var member = new EditedMember(Meta12);
        var sb = member.I32(72, 42).FixChecksum().SaveAndFind();
        sb.Level.ShouldBe(42);
        sb.LevelName.ShouldBe("-unknown-");
        sb.ShouldMatchExamine(MdadmLive.Examine(member.Path));
        sb.ShouldMatchExport(MdadmLive.ExamineExport(member.Path));
    }

    [Theory]
    [InlineData(Meta12)]
    [InlineData(Meta090)]
    public void AFlippedByteInTheChecksummedBytesIsReportedNotThrown(string image)
    {
        using var member = new EditedMember(image);
        member.Superblock[100] ^= 0x40;
        var sb = member.SaveAndFind();
        sb.ChecksumValid.ShouldBeFalse();
        sb.Checksum.ShouldBe(member.Original.Checksum);
        sb.ComputedChecksum.ShouldNotBe(sb.Checksum);
        sb.ShouldMatchExamine(MdadmLive.Examine(member.Path));
    }
}
