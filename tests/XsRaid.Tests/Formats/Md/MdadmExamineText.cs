using System.Globalization;
using System.Text.RegularExpressions;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// The text of <c>mdadm --examine</c> (or <c>--examine-bitmap</c>): "Key : Value" lines, and for 0.90 the device
/// table ("this" row and numbered rows). Only parsing here; what a field means is decided by the comparisons.
/// </summary>
public sealed partial record MdadmExamineText(
    IReadOnlyDictionary<string, string> Fields,
    MdadmExamineText.Row? This,
    IReadOnlyList<MdadmExamineText.Row> Rows)
{
    /// <summary>A 0.90 device-table row: Number Major Minor RaidDevice and the state words (device names dropped).</summary>
    public sealed record Row(int Slot, uint Number, uint Major, uint Minor, uint RaidDevice, string State);

    public static MdadmExamineText Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Row? self = null;
        var rows = new List<Row>();
        foreach (var line in text.Split('\n'))
        {
            var row = RowPattern().Match(line);
            if (row.Success)
            {
                var parsed = new Row(
                    row.Groups[1].Value == "this" ? -1 : Int(row.Groups[1].Value),
                    UInt(row.Groups[2].Value), UInt(row.Groups[3].Value), UInt(row.Groups[4].Value), UInt(row.Groups[5].Value),
                    string.Join(' ', row.Groups[6].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Where(w => !w.StartsWith("/dev/", StringComparison.Ordinal))));
                if (parsed.Slot < 0)
                {
                    self = parsed;
                }
                else
                {
                    rows.Add(parsed);
                }

                continue;
            }

            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 3)..].Trim();
            }
        }

        return new MdadmExamineText(fields, self, rows);
    }

    public bool Has(string key) => Fields.ContainsKey(key);

    public string this[string key] =>
        Fields.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"mdadm printed no '{key}' line");

    /// <summary>The first whitespace-separated word of a field ("AA ('A' == active...)" gives "AA").</summary>
    public string First(string key) => this[key].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    public long Number(string key) => long.Parse(First(key), CultureInfo.InvariantCulture);

    /// <summary>A field without mdadm's "(local to host X)" remark.</summary>
    public string WithoutLocalRemark(string key) => LocalRemark().Replace(this[key], "");

    /// <summary>mdadm prints times with ctime(3) in the local zone; the captures and the live runs use UTC.</summary>
    public DateTimeOffset Time(string key)
    {
        var words = string.Join(' ', this[key].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new DateTimeOffset(
            DateTime.ParseExact(words, "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            TimeSpan.Zero);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static uint UInt(string s) => uint.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(this|\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(.*)$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"\s+\(local to host [^)]*\)$")]
    private static partial Regex LocalRemark();
}
