using XsRaid.Devices;

namespace XsRaid.Formats.Md;

/// <summary>
/// Reads Linux md superblocks: 0.90 (4096 bytes, host-endian = little-endian here) and 1.0 / 1.1 / 1.2
/// (little-endian), and finds them on a device by looking only where each version lives.
/// </summary>
public static class MdSuperblockReader
{
    /// <summary>Reads a 0.90 superblock from its 4096 bytes, which were found at <paramref name="superblockOffset"/>.</summary>
    public static ReadResult<MdSuperblock> Parse090(ReadOnlySpan<byte> sb, long superblockOffset) =>
        MdSuperblock090Reader.Parse(sb, superblockOffset);

    /// <summary>
    /// Reads a 1.x superblock (<paramref name="version"/> "1.0", "1.1" or "1.2") found at <paramref name="superblockOffset"/>.
    /// <paramref name="sb"/> needs at least 256 + 2 * max_dev bytes; 4096 is always enough.
    /// </summary>
    public static ReadResult<MdSuperblock> Parse1(ReadOnlySpan<byte> sb, string version, long superblockOffset) =>
        MdSuperblock1Reader.Parse(sb, version, superblockOffset, deviceLength: null);

    /// <summary>As <see cref="Parse1(ReadOnlySpan{byte}, string, long)"/>, also refusing a data area that ends past the device.</summary>
    public static ReadResult<MdSuperblock> Parse1(ReadOnlySpan<byte> sb, string version, long superblockOffset, long deviceLength) =>
        MdSuperblock1Reader.Parse(sb, version, superblockOffset, deviceLength);

    /// <summary>
    /// Looks in the 4 places (1.1 at 0, 1.2 at 4 KiB, 1.0 and 0.90 near the end), reading only those few KiB
    /// (and a bitmap superblock when one is recorded). When several hold a valid superblock, returns the one
    /// mdadm would: the latest creation time, ties going to 0.90, then 1.0, 1.1, 1.2. A NotPresent error when
    /// none has the magic; otherwise the first place's error.
    /// </summary>
    public static ReadResult<MdSuperblock> Find(IBlockSource device)
    {
        var probes = Probe(device);
        MdSuperblock? best = null;
        foreach (var probe in probes)
        {
            if (probe.IsOk && (best is null || probe.Value.CreationTime > best.CreationTime))
            {
                best = probe.Value;
            }
        }

        if (best is not null)
        {
            return best;
        }

        var error = probes.Select(p => p.Error).FirstOrDefault(e => e is { Kind: not FormatErrorKind.NotPresent });
        return error ?? FormatError.NotPresent(device.Name, "no md superblock (0.90, 1.0, 1.1 or 1.2) on this device");
    }

    /// <summary>Every valid superblock at the 4 places (a disk can carry stale ones), in the order 0.90, 1.0, 1.1, 1.2.</summary>
    public static IReadOnlyList<MdSuperblock> FindAll(IBlockSource device) =>
        Probe(device).Where(p => p.IsOk).Select(p => p.Value!).ToList();

    private static List<ReadResult<MdSuperblock>> Probe(IBlockSource device)
    {
        var results = new List<ReadResult<MdSuperblock>>(4);
        foreach (var place in MdSuperblockLocation.For(device.Length))
        {
            var bytes = device.ReadUpTo(place.Offset, MdSuperblock090.Size);
            if (!bytes.IsOk)
            {
                results.Add(bytes.Error);
                continue;
            }

            var parsed = place.Version == "0.90"
                ? Parse090(bytes.Value, place.Offset)
                : Parse1(bytes.Value, place.Version, place.Offset, device.Length);
            results.Add(parsed.IsOk ? VerifyBitmap(parsed.Value, device) : parsed);
        }

        return results;
    }

    /// <summary>
    /// Reads the bitmap superblock a superblock points to. Like mdadm, a recorded bitmap whose superblock is missing,
    /// unreadable, or carries another array's UUID counts as no bitmap (mdadm clears the bit as it loads).
    /// </summary>
    private static MdSuperblock VerifyBitmap(MdSuperblock sb, IBlockSource device)
    {
        if (!sb.BitmapPresent || sb.BitmapOffsetSectors is not { } sectors)
        {
            return sb;
        }

        var offset = sb.SuperblockOffset + (sectors * 512L);
        var bytes = offset >= 0 && offset + MdBitmapSuperblock.Size <= device.Length
            ? device.Read(offset, MdBitmapSuperblock.Size)
            : FormatError.Truncated(device.Name, $"bitmap at byte {offset} is outside the device", offset);
        var bitmap = bytes.IsOk ? MdBitmapSuperblockReader.Parse(bytes.Value, offset) : bytes.Error;
        if (bitmap.IsOk && bitmap.Value.UuidBytes.Span.SequenceEqual(sb.ArrayUuidBytes.Span))
        {
            return sb with { Bitmap = bitmap.Value };
        }

        return sb with
        {
            BitmapPresent = false,
            BitmapOffsetSectors = null,
            FeatureMap = sb.FeatureMap & ~MdSuperblock1.FeatureBitmapOffset,
        };
    }
}
