using System.Text.RegularExpressions;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads /proc/mdstat as printed by Linux 2.6.18 (CentOS 5) through 6.x: a "Personalities" line, one block
/// per array (header line, a "blocks" line, then optional progress / resync= / bitmap lines, then a blank
/// line), and the "unused devices" line.
/// </summary>
public static partial class MdstatParser
{
    public static Parsed<Mdstat> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var personalities = new List<string>();
        var arrays = new List<MdstatArray>();
        var unused = new List<string>();
        MdstatArray? current = null;

        foreach (var line in TextLines.Usable(text, issues))
        {
            var t = line.Text;
            if (string.IsNullOrWhiteSpace(t))
            {
                Close();
                continue;
            }

            if (t.StartsWith("Personalities", StringComparison.Ordinal))
            {
                Close();
                ParsePersonalities(line, personalities, issues);
            }
            else if (t.StartsWith("unused devices:", StringComparison.Ordinal))
            {
                Close();
                ParseUnused(line, unused);
            }
            else if (!char.IsWhiteSpace(t[0]))
            {
                Close();
                current = ParseHeader(line, issues);
            }
            else if (current is not null)
            {
                current = ParseBodyLine(current, line, issues);
            }
            else
            {
                issues.Add(ParseIssue.At(line.Number, t, "indented line outside an array block"));
            }
        }

        Close();
        return new Parsed<Mdstat>(new Mdstat(personalities, arrays, unused), issues);

        void Close()
        {
            if (current is not null)
            {
                arrays.Add(current);
                current = null;
            }
        }
    }

    private static void ParsePersonalities(SourceLine line, List<string> personalities, List<ParseIssue> issues)
    {
        var colon = line.Text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, "Personalities line without ':'"));
            return;
        }

        foreach (var token in TextLines.Fields(line.Text[(colon + 1)..]))
        {
            if (token.Length > 2 && token[0] == '[' && token[^1] == ']')
            {
                personalities.Add(token[1..^1]);
            }
            else
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, $"personality '{token}' is not in brackets"));
            }
        }
    }

    private static void ParseUnused(SourceLine line, List<string> unused)
    {
        var rest = line.Text["unused devices:".Length..];
        foreach (var token in TextLines.Fields(rest))
        {
            if (!string.Equals(token, "<none>", StringComparison.Ordinal))
            {
                unused.Add(token);
            }
        }
    }

    private static MdstatArray? ParseHeader(SourceLine line, List<ParseIssue> issues)
    {
        var t = line.Text;
        var separator = t.IndexOf(" : ", StringComparison.Ordinal);
        if (separator <= 0 || TextLines.Fields(t[..separator]).Length != 1)
        {
            issues.Add(ParseIssue.At(line.Number, t, "not an array line (expected 'mdN : state ...')"));
            return null;
        }

        var tokens = TextLines.Fields(t[(separator + 3)..]);
        var i = 0;
        MdstatArrayState state;
        string? level = null;
        switch (tokens.ElementAtOrDefault(i++))
        {
            case "inactive":
                state = MdstatArrayState.Inactive;
                break;
            case "active":
                state = tokens.ElementAtOrDefault(i) switch
                {
                    "(read-only)" => MdstatArrayState.ActiveReadOnly,
                    "(auto-read-only)" => MdstatArrayState.ActiveAutoReadOnly,
                    _ => MdstatArrayState.Active,
                };
                if (state != MdstatArrayState.Active)
                {
                    i++;
                }

                if (i < tokens.Length && ParseMember(tokens[i]) is null)
                {
                    level = tokens[i++];
                }

                break;
            default:
                issues.Add(ParseIssue.At(line.Number, t, "array state is neither 'active' nor 'inactive'"));
                return null;
        }

        var members = new List<MdstatMember>();
        for (; i < tokens.Length; i++)
        {
            if (ParseMember(tokens[i]) is { } member)
            {
                members.Add(member);
            }
            else
            {
                issues.Add(ParseIssue.At(line.Number, t, $"member '{tokens[i]}' is not 'name[n]' with (F)/(S)/(W)/(R)/(J) flags"));
            }
        }

        return new MdstatArray { Name = t[..separator].Trim(), State = state, Level = level, Members = members };
    }

    /// <summary>"sdb1[1](W)(F)": name, descriptor number in brackets, then any flags in the kernel's order.</summary>
    private static MdstatMember? ParseMember(string token)
    {
        bool faulty = false, spare = false, writeMostly = false, replacement = false, journal = false;
        var end = token.Length;
        while (end >= 3 && token[end - 1] == ')' && token[end - 3] == '(')
        {
            switch (token[end - 2])
            {
                case 'F': faulty = true; break;
                case 'S': spare = true; break;
                case 'W': writeMostly = true; break;
                case 'R': replacement = true; break;
                case 'J': journal = true; break;
                default: return null;
            }

            end -= 3;
        }

        if (end < 4 || token[end - 1] != ']')
        {
            return null;
        }

        var open = token.LastIndexOf('[', end - 1);
        if (open <= 0)
        {
            return null;
        }

        var number = TextNumbers.Int(token[(open + 1)..(end - 1)]);
        return number is null
            ? null
            : new MdstatMember(token[..open], number.Value, faulty, spare, writeMostly, replacement, journal);
    }

    private static MdstatArray ParseBodyLine(MdstatArray array, SourceLine line, List<ParseIssue> issues)
    {
        var t = line.Text.Trim();
        if (t.StartsWith("bitmap:", StringComparison.Ordinal))
        {
            return ParseBitmap(array, line, t, issues);
        }

        if (t.StartsWith("resync=", StringComparison.Ordinal))
        {
            MdResyncWait? wait = t switch
            {
                "resync=DELAYED" => MdResyncWait.Delayed,
                "resync=PENDING" => MdResyncWait.Pending,
                _ => null,
            };
            if (wait is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "resync= is neither DELAYED nor PENDING"));
                return array;
            }

            return array with { ResyncWait = wait };
        }

        if (ProgressLine().Match(t) is { Success: true } progress)
        {
            return ParseProgress(array, line, progress, issues);
        }

        var fields = TextLines.Fields(t);
        if (fields.Length >= 2 && fields[1] == "blocks" && TextNumbers.Long(fields[0]) is { } blocks)
        {
            if (array.Blocks is not null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "a second 'blocks' line for the same array"));
                return array;
            }

            return ParseStatus(array with { Blocks = blocks }, line, fields, issues);
        }

        issues.Add(ParseIssue.At(line.Number, line.Text, "unknown line in an array block"));
        return array;
    }

    private static MdstatArray ParseStatus(MdstatArray array, SourceLine line, string[] fields, List<ParseIssue> issues)
    {
        var i = 2;
        string? super = null;
        if (i < fields.Length && fields[i] == "super")
        {
            if (i + 1 >= fields.Length)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "'super' without a version"));
                return array;
            }

            super = fields[i + 1];
            i += 2;
        }

        int? raidDisks = null, inSync = null;
        string? map = null;
        var layout = new List<string>();
        for (; i < fields.Length; i++)
        {
            if (DiskCount().Match(fields[i]) is { Success: true } count)
            {
                raidDisks = TextNumbers.Int(count.Groups[1].Value);
                inSync = TextNumbers.Int(count.Groups[2].Value);
                if (raidDisks is null || inSync is null)
                {
                    issues.Add(ParseIssue.At(line.Number, line.Text, $"disk count '{fields[i]}' out of range"));
                }
            }
            else if (DiskMap().IsMatch(fields[i]))
            {
                map = fields[i][1..^1];
            }
            else
            {
                layout.Add(fields[i]);
            }
        }

        return array with
        {
            SuperVersion = super,
            RaidDisks = raidDisks,
            InSyncDisks = inSync,
            DiskStatus = map,
            Layout = layout.Count == 0 ? null : string.Join(' ', layout),
        };
    }

    private static MdstatArray ParseProgress(MdstatArray array, SourceLine line, Match m, List<ParseIssue> issues)
    {
        var action = m.Groups["action"].Value switch
        {
            "resync" => MdSyncAction.Resync,
            "recovery" => MdSyncAction.Recovery,
            "check" => MdSyncAction.Check,
            "repair" => MdSyncAction.Repair,
            _ => MdSyncAction.Reshape,
        };
        var percent = TextNumbers.Decimal(m.Groups["percent"].Value);
        var done = TextNumbers.Long(m.Groups["done"].Value);
        var total = TextNumbers.Long(m.Groups["total"].Value);
        if (percent is null || done is null || total is null)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, "progress numbers out of range"));
            return array;
        }

        if (array.Sync is not null)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, "a second progress line for the same array"));
            return array;
        }

        var finish = m.Groups["finish"].Success ? TextNumbers.Decimal(m.Groups["finish"].Value) : null;
        var speed = m.Groups["speed"].Success ? TextNumbers.Long(m.Groups["speed"].Value) : null;
        return array with { Sync = new MdstatSyncProgress(action, percent.Value, done.Value, total.Value, finish, speed) };
    }

    private static MdstatArray ParseBitmap(MdstatArray array, SourceLine line, string t, List<ParseIssue> issues)
    {
        var m = BitmapLine().Match(t);
        var inMemory = TextNumbers.Long(m.Groups["used"].Value);
        var pages = TextNumbers.Long(m.Groups["pages"].Value);
        var kib = TextNumbers.Long(m.Groups["kib"].Value);
        var chunk = TextNumbers.Long(m.Groups["chunk"].Value);
        if (!m.Success || inMemory is null || pages is null || kib is null || chunk is null)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, "bitmap line is not 'bitmap: u/n pages [kKB], cKB chunk'"));
            return array;
        }

        var chunkBytes = m.Groups["unit"].Value == "KB" ? chunk.Value * 1024 : chunk.Value;
        var file = m.Groups["file"].Success ? m.Groups["file"].Value : null;
        return array with { Bitmap = new MdstatBitmap(inMemory.Value, pages.Value, kib.Value, chunkBytes, file) };
    }

    [GeneratedRegex(@"^(?:\[[=>.]*\]\s+)?(?<action>resync|recovery|check|repair|reshape)\s*=\s*(?<percent>\d{1,3}\.\d)%\s*\((?<done>\d+)/(?<total>\d+)\)(?:\s+finish=(?<finish>\d+\.\d+)min)?(?:\s+speed=(?<speed>\d+)K/sec)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^bitmap:\s*(?<used>\d+)/(?<pages>\d+)\s+pages\s+\[(?<kib>\d+)KB\],\s*(?<chunk>\d+)(?<unit>KB|B)\s+chunk(?:,\s*file:\s*(?<file>\S.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BitmapLine();

    [GeneratedRegex(@"^\[(\d+)/(\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex DiskCount();

    [GeneratedRegex(@"^\[[U_]+\]$", RegexOptions.CultureInvariant)]
    private static partial Regex DiskMap();
}
