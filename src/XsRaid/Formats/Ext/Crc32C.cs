using System.Buffers.Binary;
using System.Numerics;

namespace XsRaid.Formats.Ext;

/// <summary>
/// CRC-32C (Castagnoli), as ext4's metadata_csum uses it. System.IO.Hashing has no CRC-32C, so this wraps the
/// runtime's <see cref="BitOperations.Crc32C(uint, byte)"/> step (hardware where the CPU has it).
/// </summary>
public static class Crc32C
{
    /// <summary>
    /// The raw register update with no inversion before or after, like the kernel's and e2fsprogs'
    /// <c>crc32c_le(seed, data, len)</c>: ext4 stores <c>Update(~0u, bytes)</c> as the checksum.
    /// </summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    /// <summary>The standard CRC-32C of <paramref name="data"/> (initial ~0, final inversion).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(~0u, data);
}
