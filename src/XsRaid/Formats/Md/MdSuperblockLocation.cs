namespace XsRaid.Formats.Md;

/// <summary>Where each md superblock version lives on a device of a given size.</summary>
public sealed record MdSuperblockLocation(string Version, long Offset)
{
    /// <summary>0.90 needs a 64 KiB reserved area (MD_RESERVED_SECTORS), 1.x a device of at least 24 sectors.</summary>
    public const long MinLength090 = 0x10000;

    public const long MinLength1 = 24 * 512;

    /// <summary>
    /// The places to look on a device of <paramref name="deviceLength"/> bytes, in mdadm's order of preference
    /// when two hold a superblock with the same creation time: 0.90, 1.0, 1.1, 1.2.
    /// 0.90: <c>(size &amp; ~0xFFFF) - 0x10000</c>; 1.0: sector <c>(sectors - 16) &amp; ~7</c>; 1.1: 0; 1.2: 4096.
    /// </summary>
    public static IReadOnlyList<MdSuperblockLocation> For(long deviceLength)
    {
        var places = new List<MdSuperblockLocation>(4);
        if (deviceLength >= MinLength090)
        {
            places.Add(new("0.90", (deviceLength & ~0xFFFFL) - 0x10000));
        }

        if (deviceLength >= MinLength1)
        {
            places.Add(new("1.0", (((deviceLength / 512) - 16) & ~7L) * 512));
            places.Add(new("1.1", 0));
            places.Add(new("1.2", 4096));
        }

        return places;
    }

    /// <summary>The 1.x version mdadm names from a super_offset (in sectors): up to 4 is 1.1, up to 8 is 1.2, else 1.0.</summary>
    public static string Version1FromSuperOffset(ulong superOffsetSectors) =>
        superOffsetSectors <= 4 ? "1.1" : superOffsetSectors <= 8 ? "1.2" : "1.0";
}
