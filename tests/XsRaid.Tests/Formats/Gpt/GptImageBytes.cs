using System.Buffers.Binary;
using System.IO.Hashing;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>
/// Edits GPT fields inside an in-memory image and (optionally) re-signs them with fresh CRC32s, so that a test can
/// reach the checks that come after the CRC (absurd sizes and counts that a real corruption would also carry).
/// </summary>
internal static class GptImageBytes
{
    public const int Sector = 512;

    public static long LastLba(byte[] image) => (image.Length / Sector) - 1;

    public static void SetU32(byte[] image, long lba, int field, uint value, bool resign = true)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan((int)(lba * Sector) + field), value);
        if (resign)
        {
            ResignHeader(image, lba);
        }
    }

    public static void SetU64(byte[] image, long lba, int field, ulong value, bool resign = true)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan((int)(lba * Sector) + field), value);
        if (resign)
        {
            ResignHeader(image, lba);
        }
    }

    /// <summary>Recomputes the header CRC over its header size (92 if that is not a sane value).</summary>
    public static void ResignHeader(byte[] image, long lba)
    {
        var header = image.AsSpan((int)(lba * Sector), Sector);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        var covered = size is >= 92 and <= Sector ? (int)size : 92;
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Crc32.HashToUInt32(header[..covered]));
    }

    /// <summary>Recomputes the entry array CRC of the header at <paramref name="lba"/> (if the array is on the image), then the header's.</summary>
    public static void ResignEntries(byte[] image, long lba)
    {
        var header = image.AsSpan((int)(lba * Sector), Sector);
        var entriesLba = BinaryPrimitives.ReadUInt64LittleEndian(header[72..]);
        var bytes = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(header[80..]) * BinaryPrimitives.ReadUInt32LittleEndian(header[84..]);
        if (entriesLba < (ulong)(image.Length / Sector) && (entriesLba * Sector) + bytes <= (ulong)image.Length)
        {
            var crc = Crc32.HashToUInt32(image.AsSpan((int)(entriesLba * Sector), (int)bytes));
            BinaryPrimitives.WriteUInt32LittleEndian(header[88..], crc);
        }

        ResignHeader(image, lba);
    }
}
