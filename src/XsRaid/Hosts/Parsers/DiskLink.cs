using System.Globalization;
using System.Text;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One symlink of a /dev/disk/by-* (or /dev/md) directory: its name as listed ("wwn-0x5000c5009a3b1c01-part1",
/// udev writes unsafe characters as \xHH), the link target ("../../sda1") and the kernel device it names ("sda1").
/// </summary>
public sealed record DiskLink(string Name, string Target, string Device)
{
    /// <summary>The name with udev's \xHH escapes decoded (by-label names with blanks: "My\x20Disk").</summary>
    public string DecodedName
    {
        get
        {
            if (!Name.Contains("\\x", StringComparison.Ordinal))
            {
                return Name;
            }

            var bytes = new List<byte>();
            for (var i = 0; i < Name.Length; i++)
            {
                if (Name[i] == '\\' && i + 3 < Name.Length && Name[i + 1] == 'x'
                    && byte.TryParse(Name.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    bytes.Add(b);
                    i += 3;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(Name[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }
}
