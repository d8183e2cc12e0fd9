using System.Text.RegularExpressions;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads the listing of "efibootmgr -v" (0.12 through 18): "BootNext:", "BootCurrent:", "Timeout: N seconds" and
/// "BootOrder:" lines, then one "BootXXXX[*] label&lt;TAB&gt;device-path" line per entry. Version 18 prints the path
/// without -v too, and with -v adds an indented "dp: ..." (and "data: ...") hex line after each entry: those are
/// skipped. Where a copy turned the TAB into spaces, the path starts at the first device path node ("HD(",
/// "PciRoot(", ...) after a space. The probe captures stderr with stdout, so efibootmgr's warnings ("Skipping
/// unreadable variable ...") come out as issues.
/// </summary>
public static partial class EfiBootManagerParser
{
    public static Parsed<EfiBootManagerState> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        string? current = null;
        string? next = null;
        int? timeout = null;
        List<string>? order = null;
        var entries = new List<EfiBootEntry>();

        foreach (var line in TextLines.Usable(text, issues))
        {
            var t = line.Text;
            if (t.Trim().Length == 0)
            {
                continue;
            }

            if (EntryLine().Match(t) is { Success: true } entry)
            {
                ReadEntry(entry, line, entries, issues);
            }
            else if (Value(t, "BootCurrent") is { } bootCurrent)
            {
                current = Id(bootCurrent, line, issues) ?? current;
            }
            else if (Value(t, "BootNext") is { } bootNext)
            {
                next = Id(bootNext, line, issues) ?? next;
            }
            else if (Value(t, "Timeout") is { } seconds)
            {
                var m = Seconds().Match(seconds);
                if (m.Success)
                {
                    timeout = TextNumbers.Int(m.Groups[1].Value);
                }
                else
                {
                    issues.Add(ParseIssue.At(line.Number, t, "timeout is not 'N seconds'"));
                }
            }
            else if (Value(t, "BootOrder") is { } ids)
            {
                order = ids.Length == 0 ? [] : [.. ids.Split(',').Select(id => Id(id, line, issues)).OfType<string>()];
            }
            else if (t.StartsWith("No BootOrder is set", StringComparison.Ordinal))
            {
                order = [];
            }
            else if (entries.Count > 0 && char.IsWhiteSpace(t[0]) && t.TrimStart() is var dump
                     && (dump.StartsWith("dp: ", StringComparison.Ordinal) || dump.StartsWith("data: ", StringComparison.Ordinal)))
            {
                continue;
            }
            else
            {
                issues.Add(ParseIssue.At(line.Number, t, "not an efibootmgr line"));
            }
        }

        if (order is null)
        {
            issues.Add(ParseIssue.At(0, "", "no 'BootOrder:' line"));
        }

        var state = new EfiBootManagerState
        {
            BootCurrent = current,
            BootNext = next,
            TimeoutSeconds = timeout,
            BootOrder = order ?? [],
            Entries = entries,
        };
        return new Parsed<EfiBootManagerState>(state, issues);
    }

    private static void ReadEntry(Match entry, SourceLine line, List<EfiBootEntry> entries, List<ParseIssue> issues)
    {
        var id = entry.Groups[1].Value.ToUpperInvariant();
        if (entries.Any(e => e.Id == id))
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, $"Boot{id} listed twice"));
            return;
        }

        var (label, path) = SplitLabel(entry.Groups[3].Value);
        var (partition, loader, problem) = path is null ? (null, null, null) : EfiDevicePath.Read(path);
        if (problem is not null)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, problem));
        }

        entries.Add(new EfiBootEntry(id, entry.Groups[2].Value == "*", label, path, partition, loader));
    }

    /// <summary>Label and device path: split at the TAB, or (TAB expanded to spaces) where the first path node starts.</summary>
    private static (string Label, string? Path) SplitLabel(string rest)
    {
        var tab = rest.IndexOf('\t', StringComparison.Ordinal);
        if (tab >= 0)
        {
            var path = rest[(tab + 1)..];
            return (rest[..tab], path.Length == 0 ? null : path);
        }

        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i - 1] == ' ' && EfiDevicePath.NodeStartsAt(rest, i))
            {
                return (rest[..i].TrimEnd(' '), rest[i..]);
            }
        }

        return (rest, null);
    }

    /// <summary>The value of a "Key: value" line, trimmed; null when the line is not about <paramref name="key"/>.</summary>
    private static string? Value(string line, string key) =>
        line.Length > key.Length && line.StartsWith(key, StringComparison.Ordinal) && line[key.Length] == ':'
            ? line[(key.Length + 1)..].Trim()
            : null;

    private static string? Id(string text, SourceLine line, List<ParseIssue> issues)
    {
        if (BootNumber().IsMatch(text))
        {
            return text.ToUpperInvariant();
        }

        var shown = text.Length <= 16 ? text : text[..16] + "...";
        issues.Add(ParseIssue.At(line.Number, line.Text, $"'{shown}' is not a 4-hex-digit boot number"));
        return null;
    }

    [GeneratedRegex(@"^Boot([0-9A-Fa-f]{4})([* ]) (.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"^[0-9A-Fa-f]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex BootNumber();

    [GeneratedRegex(@"^(\d{1,5}) seconds$", RegexOptions.CultureInvariant)]
    private static partial Regex Seconds();
}
