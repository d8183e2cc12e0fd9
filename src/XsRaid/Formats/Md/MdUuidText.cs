using System.Text;

namespace XsRaid.Formats.Md;

/// <summary>md UUIDs written the way mdadm writes them: four groups of 8 hex digits joined by ':'.</summary>
public static class MdUuidText
{
    /// <summary>1.x: the 16 bytes in on-disk order.</summary>
    public static string FromBytes(ReadOnlySpan<byte> sixteen)
    {
        var text = new StringBuilder(35);
        for (var i = 0; i < sixteen.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append(':');
            }

            text.Append(sixteen[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>0.90: each of the four host-endian words printed as a u32.</summary>
    public static string FromWords(uint w0, uint w1, uint w2, uint w3) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w0:x8}:{w1:x8}:{w2:x8}:{w3:x8}");
}
