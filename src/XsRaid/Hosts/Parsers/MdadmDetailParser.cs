using System.Text.RegularExpressions;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads the text of "mdadm --detail /dev/mdN" (mdadm 2.6 on CentOS 5 through 4.x): the "/dev/mdN:" line,
/// right-aligned "Key : value" lines, and the device table that starts at the "Number   Major" header.
/// </summary>
public static partial class MdadmDetailParser
{
    public static Parsed<MdadmDetail> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        MdadmSyncStatus? sync = null;
        var devices = new List<MdadmDetailDevice>();
        string? device = null;
        var inTable = false;

        foreach (var line in TextLines.Usable(text, issues))
        {
            var t = line.Text.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (device is null && !char.IsWhiteSpace(line.Text[0]) && t.EndsWith(':'))
            {
                device = t[..^1];
            }
            else if (t.StartsWith("Number", StringComparison.Ordinal) && t.Contains("RaidDevice", StringComparison.Ordinal))
            {
                inTable = true;
            }
            else if (inTable)
            {
                if (ParseDevice(t) is { } row)
                {
                    devices.Add(row);
                }
                else
                {
                    issues.Add(ParseIssue.At(line.Number, line.Text, "device row is not 'Number Major Minor RaidDevice State Device'"));
                }
            }
            else if (t.IndexOf(" : ", StringComparison.Ordinal) is var colon and > 0)
            {
                var key = t[..colon].Trim();
                fields[key] = t[(colon + 3)..].Trim();
                if (SyncKind(key) is { } kind)
                {
                    sync = ReadSync(kind, fields[key], line, issues) ?? sync;
                }
            }
            else if (t.EndsWith(" :", StringComparison.Ordinal))
            {
                fields[t[..^2].Trim()] = "";
            }
            else
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not a 'Key : value' line"));
            }
        }

        if (device is null)
        {
            issues.Add(ParseIssue.At(0, "", "no '/dev/mdN:' line"));
        }

        var detail = new MdadmDetail { Device = device ?? "", Fields = fields, Sync = sync, Devices = devices };
        return new Parsed<MdadmDetail>(detail, issues);
    }

    private static MdadmSyncKind? SyncKind(string key) => key switch
    {
        "Resync Status" => MdadmSyncKind.Resync,
        "Rebuild Status" => MdadmSyncKind.Rebuild,
        "Reshape Status" => MdadmSyncKind.Reshape,
        "Check Status" => MdadmSyncKind.Check,
        _ => null,
    };

    private static MdadmSyncStatus? ReadSync(MdadmSyncKind kind, string value, SourceLine line, List<ParseIssue> issues)
    {
        var m = Percent().Match(value);
        if (m.Success && TextNumbers.Int(m.Groups[1].Value) is { } percent)
        {
            return new MdadmSyncStatus(kind, percent);
        }

        issues.Add(ParseIssue.At(line.Number, line.Text, "status is not 'N% complete'"));
        return null;
    }

    private static MdadmDetailDevice? ParseDevice(string row)
    {
        var f = TextLines.Fields(row);
        if (f.Length < 4)
        {
            return null;
        }

        int? number = f[0] == "-" ? null : TextNumbers.Int(f[0]);
        var major = TextNumbers.Int(f[1]);
        var minor = TextNumbers.Int(f[2]);
        int? raidDevice = f[3] == "-" ? null : TextNumbers.Int(f[3]);
        if ((number is null && f[0] != "-") || major is null || minor is null || (raidDevice is null && f[3] != "-"))
        {
            return null;
        }

        var rest = f[4..];
        string? path = rest.Length > 0 && rest[^1].StartsWith('/') ? rest[^1] : null;
        var state = path is null ? rest : rest[..^1];
        return new MdadmDetailDevice(number, major.Value, minor.Value, raidDevice, state, path);
    }

    [GeneratedRegex(@"^(\d{1,3})% complete$", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();
}
