using XsRaid.Formats.Md;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>Every member image of Fixtures/md, read and compared with mdadm and blkid, captured and live.</summary>
public class MdSuperblockFixtureTests
{
    public static TheoryData<string, int> Members => MdFixtureMember.Theory();

    [Fact]
    public void TheFixturesHoldEveryMemberTheReadmeTableLists()
    {
        var listed = FixturePlacementTable.Read(Fixtures.Text("README.md"))
            .Where(e => e.File.StartsWith("member-", StringComparison.Ordinal))
            .Select(e => $"{e.Case}/{e.File}")
            .Order(StringComparer.Ordinal);
        MdFixtureMember.All().Select(m => m.ToString()).Order(StringComparer.Ordinal).ShouldBe(listed);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void MatchesTheCapturedExamineAndExport(string fixtureCase, int index)
    {
        var member = new MdFixtureMember(fixtureCase, index);
        using var image = new MdFixtureImage(member.Image);
        var sb = image.Find();
        sb.ShouldMatchExamine(member.CapturedExamine);
        sb.ShouldMatchExport(member.CapturedExport);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void MatchesMdadmRunNow(string fixtureCase, int index)
    {
        var member = new MdFixtureMember(fixtureCase, index);
        using var image = new MdFixtureImage(member.Image);
        var sb = image.Find();
        sb.ShouldMatchExamine(MdadmLive.Examine(image.Path));
        sb.ShouldMatchExport(MdadmLive.ExamineExport(image.Path));
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void MatchesBlkidCapturedAndRunNow(string fixtureCase, int index)
    {
        var member = new MdFixtureMember(fixtureCase, index);
        using var image = new MdFixtureImage(member.Image);
        var sb = image.Find();
        sb.ShouldMatchBlkid(member.CapturedBlkid);
        sb.ShouldMatchBlkid(MdadmLive.Blkid(image.Path));
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void AgreesWithTheReadmePlacementTable(string fixtureCase, int index)
    {
        var member = new MdFixtureMember(fixtureCase, index);
        var entry = FixturePlacementTable.Read(Fixtures.Text("README.md")).Single(e => e.Case == fixtureCase && e.File == $"member-{index}");
        using var image = new MdFixtureImage(member.Image);
        var sb = image.Find();
        sb.SuperblockOffset.ShouldBe(entry.SuperblockOffset);
        sb.DataOffsetSectors.ShouldBe(entry.DataOffsetSectors);
        sb.Events.ShouldBe(entry.Events);
        (sb.Bitmap?.Offset).ShouldBe(entry.BitmapOffset);
        sb.BitmapPresent.ShouldBe(entry.BitmapOffset is not null);

        // The README's formulas, from the image size: the reader found the superblock where its version lives.
        MdSuperblockLocation.For(image.Bytes.Length).Single(p => p.Version == sb.Version).Offset.ShouldBe(entry.SuperblockOffset);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void FindsOneSuperblockReadingOnlyAFewKilobytes(string fixtureCase, int index)
    {
        using var image = new MdFixtureImage(new MdFixtureMember(fixtureCase, index).Image);
        var counting = new XsRaid.Devices.CountingBlockSource(image.Source);
        MdSuperblockReader.Find(counting).IsOk.ShouldBeTrue();
        counting.BytesRead.ShouldBeLessThanOrEqualTo((4 * 4096) + MdBitmapSuperblock.Size);
        MdSuperblockReader.FindAll(image.Source).Count.ShouldBe(1);
    }
}
