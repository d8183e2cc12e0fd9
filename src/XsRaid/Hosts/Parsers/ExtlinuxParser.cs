namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads extlinux.conf / syslinux.cfg: XenServer 6.x's lower-case "label xe / kernel mboot.c32 / append
/// xen.gz ... --- vmlinuz ... --- initrd" entries and Debian's upper-case LABEL/LINUX/APPEND/INITRD ones alike
/// (syslinux keywords are case-insensitive). Every line is kept as stored so the file can be written back
/// unchanged; unknown keywords, empty LABELs, duplicate labels and an unclosed TEXT HELP are reported.
/// </summary>
public static class ExtlinuxParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "DEFAULT", "UI", "LABEL", "KERNEL", "LINUX", "BOOT", "BSS", "PXE", "FDIMAGE", "COMBOOT", "COM32", "CONFIG",
        "APPEND", "SYSAPPEND", "IPAPPEND", "INITRD", "LOCALBOOT", "INCLUDE", "TIMEOUT", "TOTALTIMEOUT", "ONTIMEOUT",
        "ONERROR", "PROMPT", "NOESCAPE", "NOCOMPLETE", "NOHALT", "IMPLICIT", "ALLOWOPTIONS", "SERIAL", "CONSOLE",
        "FONT", "KBDMAP", "DISPLAY", "SAY", "PATH", "TEXT HELP", "ENDTEXT", "F1", "F2", "F3", "F4", "F5", "F6", "F7",
        "F8", "F9", "F10", "F11", "F12",
    };

    private static readonly HashSet<string> KernelKeywords = new(StringComparer.Ordinal)
    {
        "KERNEL", "LINUX", "BOOT", "BSS", "PXE", "FDIMAGE", "COMBOOT", "COM32", "CONFIG",
    };

    public static Parsed<ExtlinuxConfig> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var lines = new List<ExtlinuxLine>();
        var inHelp = false;
        foreach (var raw in RawLine.Split(text))
        {
            var line = ReadLine(raw, inHelp, issues);
            inHelp = line.Keyword switch
            {
                "TEXT HELP" => true,
                "ENDTEXT" => false,
                _ => inHelp,
            };
            lines.Add(line);
        }

        if (inHelp)
        {
            issues.Add(ParseIssue.At(0, "", "TEXT HELP without ENDTEXT"));
        }

        var entries = ReadEntries(lines, issues);
        return new Parsed<ExtlinuxConfig>(new ExtlinuxConfig(lines, entries), issues);
    }

    private static ExtlinuxLine ReadLine(RawLine raw, bool inHelp, List<ParseIssue> issues)
    {
        var text = raw.Text;
        var trimmed = text.Trim();
        if (text.Length > TextLines.MaxLineLength)
        {
            issues.Add(ParseIssue.At(raw.Number, text, $"line longer than {TextLines.MaxLineLength} characters"));
            return new ExtlinuxLine(raw, ExtlinuxLineKind.Comment, null, null, 0);
        }

        if (inHelp)
        {
            return string.Equals(trimmed, "ENDTEXT", StringComparison.OrdinalIgnoreCase)
                ? new ExtlinuxLine(raw, ExtlinuxLineKind.Directive, "ENDTEXT", "", text.Length)
                : new ExtlinuxLine(raw, ExtlinuxLineKind.HelpText, null, null, 0);
        }

        if (trimmed.Length == 0)
        {
            return new ExtlinuxLine(raw, ExtlinuxLineKind.Blank, null, null, 0);
        }

        if (trimmed[0] == '#')
        {
            return new ExtlinuxLine(raw, ExtlinuxLineKind.Comment, null, null, 0);
        }

        var fields = TextLines.FieldRanges(text);
        var keyword = text.Substring(fields[0].Start, fields[0].Length).ToUpperInvariant();
        var words = 1;
        if (keyword is "MENU" or "TEXT" && fields.Count > 1)
        {
            keyword += " " + text.Substring(fields[1].Start, fields[1].Length).ToUpperInvariant();
            words = 2;
        }

        if (!Keywords.Contains(keyword) && !keyword.StartsWith("MENU ", StringComparison.Ordinal))
        {
            issues.Add(ParseIssue.At(raw.Number, text, $"unknown keyword '{keyword}'"));
        }

        var argumentStart = fields.Count > words ? fields[words].Start : text.Length;
        return new ExtlinuxLine(raw, ExtlinuxLineKind.Directive, keyword, text[argumentStart..].TrimEnd(), argumentStart);
    }

    private static List<ExtlinuxEntry> ReadEntries(List<ExtlinuxLine> lines, List<ParseIssue> issues)
    {
        var entries = new List<ExtlinuxEntry>();
        var starts = lines.Select((line, index) => (line, index)).Where(x => x.line.Keyword == "LABEL").Select(x => x.index).ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : lines.Count;
            var block = lines.GetRange(starts[i], end - starts[i]);
            var label = block[0].Argument!;
            if (label.Length == 0)
            {
                issues.Add(ParseIssue.At(block[0].Number, block[0].Raw.Text, "LABEL without a name"));
                continue;
            }

            if (entries.Any(e => string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add(ParseIssue.At(block[0].Number, block[0].Raw.Text, $"label '{label}' is used twice"));
            }

            entries.Add(ReadEntry(label, block));
        }

        return entries;
    }

    private static ExtlinuxEntry ReadEntry(string label, List<ExtlinuxLine> block)
    {
        string? kernel = null, append = null, initrd = null, menuLabel = null;
        foreach (var line in block.Where(l => l.Kind == ExtlinuxLineKind.Directive))
        {
            if (KernelKeywords.Contains(line.Keyword!))
            {
                kernel = TextLines.Fields(line.Argument!).FirstOrDefault();
            }
            else if (line.Keyword == "LOCALBOOT")
            {
                kernel = null;
            }
            else if (line.Keyword == "APPEND")
            {
                append = line.Argument;
            }
            else if (line.Keyword == "INITRD")
            {
                initrd = line.Argument;
            }
            else if (line.Keyword == "MENU LABEL")
            {
                menuLabel = line.Argument;
            }
        }

        var entry = new ExtlinuxEntry { Label = label, Lines = block, Kernel = kernel, Append = append, MenuLabel = menuLabel, Initrd = initrd };
        var file = kernel is null ? "" : kernel[(kernel.LastIndexOf('/') + 1)..];
        if (string.Equals(file, "mboot.c32", StringComparison.OrdinalIgnoreCase))
        {
            var commandLine = append ?? "";
            var parts = MultibootParts.Split(commandLine).Select(p => MultibootParts.Module(commandLine, p)).ToList();
            var linux = parts.ElementAtOrDefault(1);
            return entry with
            {
                Hypervisor = parts[0],
                Modules = parts.Skip(1).ToList(),
                LinuxKernel = linux?.Path,
                LinuxArguments = linux is null ? null : KernelCommandLineParser.Parse(linux.Arguments).Value,
                Initrd = initrd ?? parts.ElementAtOrDefault(2)?.Path,
            };
        }

        if (kernel is null || file.EndsWith(".c32", StringComparison.OrdinalIgnoreCase))
        {
            return entry;
        }

        var arguments = KernelCommandLineParser.Parse(append ?? "").Value;
        return entry with { LinuxKernel = kernel, LinuxArguments = arguments, Initrd = initrd ?? arguments.Get("initrd") };
    }
}
