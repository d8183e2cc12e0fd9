using System.IO.Hashing;
using XsRaid.Devices;

namespace XsRaid.Formats.Gpt;

/// <summary>
/// One copy of the GPT (the primary or the backup): its header, or why it is unusable, and its entry array, or
/// why that is unusable. <see cref="Entries"/> is kept when the array was read even if its CRC32 is wrong.
/// <see cref="DeviceTooSmall"/>: the entry array is off the device and the header describes a larger device
/// (a truncated image rather than a corrupt header).
/// </summary>
internal sealed record GptCopy(
    string Role, long Lba, GptHeader? Header, FormatError? HeaderError, byte[]? Entries, string? EntriesProblem,
    bool DeviceTooSmall = false)
{
    public bool EntriesValid => Header is not null && Entries is not null && EntriesProblem is null;

    public bool HeaderMissing => HeaderError?.Kind == FormatErrorKind.NotPresent;

    /// <summary>Reads the header sector at <paramref name="lba"/>, then (if the header is good) its entry array.</summary>
    public static GptCopy Read(IBlockSource disk, long lba, string role)
    {
        var ss = disk.LogicalSectorSize;
        var sector = disk.Read(lba * ss, ss);
        if (!sector.IsOk)
        {
            return new GptCopy(role, lba, null, sector.Error, null, null);
        }

        return FromHeaderSector(disk, sector.Value, lba, role);
    }

    /// <summary>Like <see cref="Read"/> for a header sector already in hand.</summary>
    public static GptCopy FromHeaderSector(IBlockSource disk, ReadOnlySpan<byte> sector, long lba, string role)
    {
        var parsed = GptHeaderReader.Parse(sector, lba);
        if (!parsed.IsOk)
        {
            return new GptCopy(role, lba, null, parsed.Error, null, null);
        }

        var header = parsed.Value;
        var ss = disk.LogicalSectorSize;
        var sectors = disk.Length / ss;
        var arraySectors = header.PartitionArraySectors(ss);
        if (header.PartitionEntriesLba < 1 || header.PartitionEntriesLba > sectors - arraySectors)
        {
            return new GptCopy(role, lba, header, null, null,
                $"the entry array (LBA {header.PartitionEntriesLba}, {arraySectors} sectors) is outside the device's " +
                $"{sectors} sectors", DeviceTooSmall: Math.Max(header.AlternateLba, header.LastUsableLba) >= sectors);
        }

        var array = disk.Read(header.PartitionEntriesLba * ss, (int)(arraySectors * ss));
        if (!array.IsOk)
        {
            return new GptCopy(role, lba, header, null, null, $"the entry array could not be read: {array.Error}");
        }

        var crc = Crc32.HashToUInt32(array.Value.AsSpan(0, (int)header.PartitionArrayBytes));
        var problem = crc == header.PartitionEntriesCrc32
            ? null
            : $"the entry array's CRC32 is 0x{crc:X8} but the header says 0x{header.PartitionEntriesCrc32:X8}";
        return new GptCopy(role, lba, header, null, array.Value, problem);
    }
}
