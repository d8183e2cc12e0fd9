using System.Globalization;
using System.Text.RegularExpressions;
using XsRaid.Hosts.Parsers;

namespace XsRaid.Platforms.Bootloaders;

/// <summary>
/// The grub.cfg contents the plan writes, in the format XCP-ng's installer writes (python-libs writeGrub2: one
/// `menuentry '...' {` per entry with `search --label --set root LABEL`, `multiboot2 /boot/xen.gz ...` and `module2`
/// lines for the kernel and the initrd). Only what must change changes; every other byte stays as the host has it.
/// </summary>
public static partial class Grub2ConfigEdits
{
    /// <summary>The lines python-libs puts before the first entry so that grubenv's override_entry picks the next boot.</summary>
    public const string OverrideBoilerplate =
        "if [ -s $prefix/grubenv ]; then\n\tload_env\nfi\nif [ -n \"$override_entry\" ]; then\n\tset default=$override_entry\nfi\n";

    /// <summary>
    /// Every entry finds / by <paramref name="label"/>: `search --label --set root`, `root=LABEL=`, and `rd.auto` added
    /// where the installer adds it for an md primary disk (after hpet=disable, else after root=).
    /// </summary>
    public static string RootEverywhere(string config, string label) =>
        string.Join('\n', config.Split('\n').Select(line => RootInLine(line, label, "rd.auto")));

    /// <summary>The number of menu entries (the index a new last entry gets).</summary>
    public static int EntryCount(string config) => config.Split('\n').Count(l => EntryStart().IsMatch(l));

    /// <summary>
    /// Adds an entry <paramref name="title"/> built from the default entry: it clears override_entry when GRUB boots it
    /// (so it boots once), loads the same Xen and kernel from the old /boot (its search line is kept), mounts / by
    /// <paramref name="newRootLabel"/> with <paramref name="extraArguments"/> and loads <paramref name="initrd"/>. Xen's
    /// noreboot is dropped, so a crashed dom0 resets the host. The override boilerplate is added before the first entry
    /// if the file lacks it; the default stays.
    /// </summary>
    public static string WithOneShotEntry(string config, string title, string newRootLabel, string initrd, string extraArguments)
    {
        var lines = config.TrimEnd('\n').Split('\n').ToList();
        var entries = Entries(lines);
        if (entries.Count == 0)
        {
            throw new InvalidOperationException("grub.cfg has no menu entry to copy");
        }

        var (start, end) = entries[Math.Min(DefaultIndex(config), entries.Count - 1)];
        var body = lines.GetRange(start + 1, end - start - 1);
        var modules = body.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("module2 ", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var entry = new List<string> { $"menuentry '{title}' {{", "\tunset override_entry", "\tsave_env override_entry" };
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            if (line.TrimStart().StartsWith("multiboot2 ", StringComparison.Ordinal))
            {
                line = string.Join(' ', line.Split(' ').Where(t => t != "noreboot"));
            }
            else if (modules.Count > 0 && i == modules[0])
            {
                line = RootInLine(line, newRootLabel, "rd.auto") + " " + extraArguments;
            }
            else if (modules.Count > 1 && i == modules[^1])
            {
                line = line[..(line.IndexOf("module2 ", StringComparison.Ordinal) + 8)] + initrd;
            }

            entry.Add(line);
        }

        entry.Add("}");
        lines.AddRange(entry);
        if (!config.Contains("load_env", StringComparison.Ordinal))
        {
            lines.InsertRange(entries[0].Start, OverrideBoilerplate.TrimEnd('\n').Split('\n'));
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The config with `set default=` (outside the entries) set to <paramref name="index"/>.</summary>
    public static string WithDefault(string config, int index)
    {
        var lines = config.Split('\n').ToList();
        var value = "set default=" + index.ToString(CultureInfo.InvariantCulture);
        var at = lines.FindIndex(l => l.StartsWith("set default=", StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = value;
        }
        else
        {
            lines.Insert(Math.Max(0, lines.FindIndex(l => EntryStart().IsMatch(l))), value);
        }

        return string.Join('\n', lines);
    }

    private static string RootInLine(string line, string label, string added)
    {
        if (SearchLabel().Match(line) is { Success: true } search)
        {
            return search.Groups[1].Value + label;
        }

        if (!RootLabel().IsMatch(line))
        {
            return line;
        }

        var tokens = RootLabel().Replace(line, "root=LABEL=" + label).Split(' ').ToList();
        if (!tokens.Contains(added))
        {
            var after = tokens.IndexOf("hpet=disable");
            tokens.Insert((after >= 0 ? after : tokens.FindIndex(t => t.StartsWith("root=", StringComparison.Ordinal))) + 1, added);
        }

        return string.Join(' ', tokens);
    }

    /// <summary>The index of the default entry (`set default=` as a number or a title), 0 when it names none.</summary>
    private static int DefaultIndex(string config)
    {
        var parsed = GrubConfigParser.Parse(config).Value;
        return parsed.DefaultEntry is { } entry ? parsed.Entries.ToList().IndexOf(entry) : 0;
    }

    private static List<(int Start, int End)> Entries(List<string> lines)
    {
        var entries = new List<(int, int)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (EntryStart().IsMatch(lines[i]))
            {
                var end = lines.FindIndex(i, l => l.Trim() == "}");
                entries.Add((i, end));
                i = end;
            }
        }

        return entries;
    }

    [GeneratedRegex(@"^menuentry\s")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^(\s*search\s+--label\s+--set\s+root\s+)\S+\s*$")]
    private static partial Regex SearchLabel();

    [GeneratedRegex(@"root=LABEL=\S+")]
    private static partial Regex RootLabel();
}
