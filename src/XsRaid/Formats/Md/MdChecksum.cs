using System.Buffers.Binary;

namespace XsRaid.Formats.Md;

/// <summary>
/// mdadm's superblock checksum: the sum of the little-endian u32 words (a trailing u16 counts as one more word)
/// with the stored checksum taken as 0, folded as <c>(sum &amp; 0xffffffff) + (sum &gt;&gt; 32)</c>.
/// </summary>
internal static class MdChecksum
{
    /// <summary>Computes the checksum of <paramref name="bytes"/>, treating the 4 bytes at <paramref name="checksumAt"/> as zero.</summary>
    public static uint Compute(ReadOnlySpan<byte> bytes, int checksumAt)
    {
        ulong sum = 0;
        var i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            if (i != checksumAt)
            {
                sum += BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i, 4));
            }
        }

        if (bytes.Length - i >= 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i, 2));
        }

        return unchecked((uint)((sum & 0xffffffff) + (sum >> 32)));
    }

    /// <summary>0.90: all 4096 bytes, checksum at byte 152.</summary>
    public static uint Compute090(ReadOnlySpan<byte> superblock) =>
        Compute(superblock[..MdSuperblock090.Size], MdSuperblock090Reader.ChecksumOffset);

    /// <summary>1.x: the 256-byte header plus 2 * max_dev bytes of roles, checksum at byte 216.</summary>
    public static uint Compute1(ReadOnlySpan<byte> superblock, int byteLength) =>
        Compute(superblock[..byteLength], MdSuperblock1Reader.ChecksumOffset);
}
