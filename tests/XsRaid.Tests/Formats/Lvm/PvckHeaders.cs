using System.Globalization;
using System.Text.RegularExpressions;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>
/// The text of <c>pvck --dump headers</c>: "  name value  # comment" lines (label_header.*, pv_header.*,
/// mda_header_1.*), and the "metadata text at N crc 0x.. # vgname V seqno S" line.
/// </summary>
public sealed partial class PvckHeaders
{
    private readonly Dictionary<string, string> _fields;

    private PvckHeaders(Dictionary<string, string> fields, Match text)
    {
        _fields = fields;
        if (text.Success)
        {
            TextAt = ulong.Parse(text.Groups["at"].Value, CultureInfo.InvariantCulture);
            TextCrc = uint.Parse(text.Groups["crc"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            VgName = text.Groups["vg"].Value;
            Seqno = ulong.Parse(text.Groups["seqno"].Value, CultureInfo.InvariantCulture);
        }
    }

    public ulong? TextAt { get; }

    public uint? TextCrc { get; }

    public string? VgName { get; }

    public ulong? Seqno { get; }

    public string this[string name] =>
        _fields.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"pvck printed no '{name}'");

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>A decimal or 0x-hex number field.</summary>
    public ulong Number(string name)
    {
        var text = this[name];
        return text.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(text, CultureInfo.InvariantCulture);
    }

    public static PvckHeaders Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var body = (hash >= 0 ? line[..hash] : line).Trim();
            var space = body.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && !body.StartsWith("metadata text", StringComparison.Ordinal))
            {
                fields[body[..space]] = body[(space + 1)..].Trim();
            }
        }

        return new PvckHeaders(fields, TextLine().Match(text));
    }

    [GeneratedRegex(@"metadata text at (?<at>\d+) crc 0x(?<crc>[0-9a-f]+) # vgname (?<vg>\S+) seqno (?<seqno>\d+)")]
    private static partial Regex TextLine();
}
