using System.IO.Hashing;
using System.Numerics;

namespace XsRaid.Formats.Gpt;

/// <summary>
/// Parses and checks one GPT header sector on its own: signature, header size (92..sector size), CRC32 (over the
/// header size with the CRC field zeroed), self-pointer, usable range, and entry size/count limits. Checks that
/// need the device's size are <see cref="GptReader"/>'s.
/// </summary>
public static class GptHeaderReader
{
    /// <param name="sector">The whole logical sector the header was read from.</param>
    /// <param name="readAtLba">Where it was read: the header's MyLBA must say the same.</param>
    public static ReadResult<GptHeader> Parse(ReadOnlySpan<byte> sector, long readAtLba)
    {
        var structure = $"GPT header at LBA {readAtLba}";
        if (sector.Length < GptConstants.MinHeaderSize)
        {
            return FormatError.Truncated(structure, $"{sector.Length} bytes, at least {GptConstants.MinHeaderSize} needed");
        }

        try
        {
            var f = new LittleEndianFields(sector);
            if (f.U64(0) != GptConstants.Signature)
            {
                return FormatError.NotPresent(structure, "no \"EFI PART\" signature");
            }

            var headerSize = f.U32(12);
            if (headerSize < GptConstants.MinHeaderSize || headerSize > sector.Length)
            {
                return FormatError.Corrupt(
                    structure, $"header size {headerSize} is outside {GptConstants.MinHeaderSize}..{sector.Length}", 12);
            }

            var storedCrc = f.U32(GptConstants.HeaderCrcOffset);
            var actualCrc = HeaderCrc(f.Slice(0, (int)headerSize));
            if (storedCrc != actualCrc)
            {
                return FormatError.Corrupt(
                    structure, $"header CRC32 is 0x{storedCrc:X8} but the header's bytes give 0x{actualCrc:X8}", 16);
            }

            return Build(f, structure, readAtLba, headerSize, storedCrc, sector);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Corrupt(structure, e.Message);
        }
    }

    /// <summary>CRC32 of a header with its CRC field taken as zero.</summary>
    internal static uint HeaderCrc(ReadOnlySpan<byte> header)
    {
        var crc = new Crc32();
        crc.Append(header[..GptConstants.HeaderCrcOffset]);
        crc.Append([0, 0, 0, 0]);
        crc.Append(header[(GptConstants.HeaderCrcOffset + 4)..]);
        return crc.GetCurrentHashAsUInt32();
    }

    private static ReadResult<GptHeader> Build(
        LittleEndianFields f, string structure, long readAtLba, uint headerSize, uint crc, ReadOnlySpan<byte> sector)
    {
        var lbas = new long[5];
        int[] offsets = [24, 32, 40, 48, 72];
        string[] names = ["my LBA", "alternate LBA", "first usable LBA", "last usable LBA", "partition entries LBA"];
        for (var i = 0; i < lbas.Length; i++)
        {
            var value = f.U64(offsets[i]);
            if (value > long.MaxValue)
            {
                return FormatError.Corrupt(structure, $"{names[i]} {value} is beyond 2^63", offsets[i]);
            }

            lbas[i] = (long)value;
        }

        var (myLba, alternateLba, firstUsable, lastUsable, entriesLba) = (lbas[0], lbas[1], lbas[2], lbas[3], lbas[4]);
        if (myLba != readAtLba)
        {
            return FormatError.Corrupt(structure, $"the header says it is at LBA {myLba}", 24);
        }

        if (firstUsable > lastUsable)
        {
            return FormatError.Corrupt(structure, $"first usable LBA {firstUsable} is after last usable LBA {lastUsable}", 40);
        }

        var count = f.U32(80);
        var entrySize = f.U32(84);
        if (EntryLimitsProblem(count, entrySize) is { } problem)
        {
            return FormatError.Corrupt(structure, problem, 80);
        }

        return new GptHeader(
            f.U32(8), headerSize, crc, myLba, alternateLba, firstUsable, lastUsable, f.GuidMixedEndian(56), entriesLba,
            count, entrySize, f.U32(88), sector.ToArray());
    }

    private static string? EntryLimitsProblem(uint count, uint entrySize)
    {
        if (entrySize < GptConstants.MinEntrySize || entrySize > GptConstants.MaxEntrySize ||
            entrySize % GptConstants.MinEntrySize != 0 || !BitOperations.IsPow2(entrySize / GptConstants.MinEntrySize))
        {
            return $"partition entry size {entrySize} is not 128 x 2^n up to {GptConstants.MaxEntrySize}";
        }

        if (count > GptConstants.MaxEntryCount || (long)count * entrySize > GptConstants.MaxArrayBytes)
        {
            return $"{count} partition entries of {entrySize} bytes is more than this reader accepts " +
                $"({GptConstants.MaxEntryCount} entries, {GptConstants.MaxArrayBytes} bytes)";
        }

        return null;
    }
}
