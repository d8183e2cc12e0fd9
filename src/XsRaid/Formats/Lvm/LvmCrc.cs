namespace XsRaid.Formats.Lvm;

/// <summary>
/// LVM2's own CRC (lib/misc/crc.c): the reflected CRC-32 polynomial 0xEDB88320 worked four bits at a time,
/// started from 0xf597a6cf, with no final inversion. It guards the label, the metadata area header and the
/// metadata text.
/// </summary>
public static class LvmCrc
{
    public const uint Initial = 0xf597a6cf;

    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] NibbleTable = BuildNibbleTable();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/> (start with <see cref="Initial"/>).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc ^= b;
            crc = (crc >> 4) ^ NibbleTable[crc & 0xf];
            crc = (crc >> 4) ^ NibbleTable[crc & 0xf];
        }

        return crc;
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    private static uint[] BuildNibbleTable()
    {
        var table = new uint[16];
        for (uint n = 0; n < 16; n++)
        {
            var c = n;
            for (var bit = 0; bit < 4; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
