namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A minimal reader of GRUB2's grub.cfg: it follows menuentry/submenu blocks by their braces and reads the
/// boot lines inside (linux/linuxefi, initrd/initrdefi, multiboot2/module2, multiboot/module, search
/// --label), plus top-level "set default=" and "set timeout="; other "... {" blocks (functions) are
/// skipped. It runs nothing: conditionals and variables are kept as written. Unbalanced braces and
/// untitled entries are reported.
/// </summary>
public static class GrubConfigParser
{
    public static Parsed<GrubConfig> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var entries = new List<GrubMenuEntry>();
        var blocks = new Stack<(string Kind, string Title)>();
        GrubMenuEntry? entry = null;
        string? defaultEntry = null, timeout = null;

        foreach (var line in TextLines.Usable(text, issues))
        {
            var trimmed = line.Text.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var words = ShellWords.Split(trimmed);
            if (words is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "unterminated quote"));
                continue;
            }

            if (words.Count == 0)
            {
                continue;
            }

            switch (words[0])
            {
                case "menuentry" or "submenu":
                    if (words.Count < 3 || words[^1] != "{")
                    {
                        issues.Add(ParseIssue.At(line.Number, line.Text, $"{words[0]} without a title and '{{'"));
                        continue;
                    }

                    blocks.Push((words[0], words[1]));
                    if (words[0] == "menuentry")
                    {
                        var submenus = blocks.Where(b => b.Kind == "submenu").Select(b => b.Title).Reverse().ToList();
                        entry = new GrubMenuEntry { Title = words[1], Submenus = submenus, FirstLine = line.Number };
                    }

                    break;
                case "}":
                    if (blocks.Count == 0)
                    {
                        issues.Add(ParseIssue.At(line.Number, line.Text, "'}' without an open block"));
                        continue;
                    }

                    if (blocks.Pop().Kind == "menuentry" && entry is not null)
                    {
                        entries.Add(entry with { LastLine = line.Number });
                        entry = null;
                    }

                    break;
                case var _ when words[^1] == "{":
                    blocks.Push((words[0], "")); // "function load_video {" and the like
                    break;
                case "set" when blocks.Count == 0 && words.Count == 2:
                    if (words[1].StartsWith("default=", StringComparison.Ordinal))
                    {
                        defaultEntry = words[1]["default=".Length..];
                    }
                    else if (words[1].StartsWith("timeout=", StringComparison.Ordinal))
                    {
                        timeout = words[1]["timeout=".Length..];
                    }

                    break;
                default:
                    if (entry is not null)
                    {
                        entry = ReadBootLine(entry, words);
                    }

                    break;
            }
        }

        if (blocks.Count > 0)
        {
            issues.Add(ParseIssue.At(0, "", $"{blocks.Count} block(s) not closed with '}}'"));
        }

        return new Parsed<GrubConfig>(new GrubConfig(entries, defaultEntry, timeout), issues);
    }

    private static GrubMenuEntry ReadBootLine(GrubMenuEntry entry, List<string> words)
    {
        var module = words.Count > 1 ? new MultibootModule(words[1], string.Join(' ', words.Skip(2))) : null;
        switch (words[0])
        {
            case "linux" or "linuxefi" or "linux16" when module is not null:
                return entry with { LinuxKernel = module.Path, LinuxArguments = KernelCommandLineParser.Parse(module.Arguments).Value };
            case "initrd" or "initrdefi" or "initrd16" when module is not null:
                return entry with { Initrd = module.Path };
            case "multiboot2" or "multiboot" when module is not null:
                return entry with { Hypervisor = module };
            case "module2" or "module" when module is not null:
                var modules = entry.Modules.Append(module).ToList();
                return modules.Count == 1
                    ? entry with { Modules = modules, LinuxKernel = module.Path, LinuxArguments = KernelCommandLineParser.Parse(module.Arguments).Value }
                    : entry with { Modules = modules, Initrd = modules.Count == 2 ? module.Path : entry.Initrd };
            case "search" when words.Contains("--label") && words.Count > 1:
                return entry with { SearchLabel = words[^1] };
            default:
                return entry;
        }
    }
}
