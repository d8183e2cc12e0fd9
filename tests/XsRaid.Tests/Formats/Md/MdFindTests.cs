using System.Buffers.Binary;
using XsRaid.Formats.Md;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// A disk can carry a stale superblock of another version next to the live one. The superblock of a second real
/// member is copied into the place its version lives on a first member; FindAll sees both, and Find picks the
/// one the live mdadm --examine picks.
/// </summary>
public class MdFindTests
{
    [Theory]
    [InlineData("md/meta12-clean/member-0.img.gz", "md/meta10-clean/member-0.img.gz", 0)]
    [InlineData("md/meta090-clean/member-0.img.gz", "md/meta12-clean/member-1.img.gz", 0)]
    [InlineData("md/meta090-clean/member-0.img.gz", "md/meta12-clean/member-1.img.gz", -3600)]
    [InlineData("md/meta11-clean/member-0.img.gz", "md/meta090-degraded/member-0.img.gz", 0)]
    public void WithTwoSuperblocksFindPicksWhatMdadmPicks(string host, string donor, long shiftDonorCreation)
    {
        using var image = new MdFixtureImage(host);
        using var other = new MdFixtureImage(donor);
        var hostSb = image.Find();
        var donorSb = other.Find();
        var graft = image.Bytes.AsSpan((int)donorSb.SuperblockOffset, MdSuperblock090.Size);
        donorSb.Raw.Span[..Math.Min(donorSb.Raw.Length, graft.Length)].CopyTo(graft);
        if (shiftDonorCreation != 0)
        {
            ShiftCreation(graft, donorSb.Version, shiftDonorCreation);
        }

        File.WriteAllBytes(image.Path, image.Bytes);

        var all = MdSuperblockReader.FindAll(image.Source);
        all.Select(s => s.Version).Order(StringComparer.Ordinal).ShouldBe(new[] { hostSb.Version, donorSb.Version }.Order(StringComparer.Ordinal));
        all.ShouldAllBe(s => s.ChecksumValid);

        var picked = image.Find();
        picked.ShouldMatchExamine(MdadmLive.Examine(image.Path));
        picked.ShouldMatchExport(MdadmLive.ExamineExport(image.Path));
    }

    private static void ShiftCreation(Span<byte> sb, string version, long seconds)
    {
        if (version == "0.90")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sb[24..], (uint)(BinaryPrimitives.ReadUInt32LittleEndian(sb[24..]) + seconds));
            BinaryPrimitives.WriteUInt32LittleEndian(sb[152..], MdChecksum.Compute090(sb));
            return;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(sb[64..], (ulong)((long)BinaryPrimitives.ReadUInt64LittleEndian(sb[64..]) + seconds));
        var length = MdSuperblock1.HeaderSize + (2 * (int)BinaryPrimitives.ReadUInt32LittleEndian(sb[220..]));
        BinaryPrimitives.WriteUInt32LittleEndian(sb[216..], MdChecksum.Compute1(sb, length));
    }
}
