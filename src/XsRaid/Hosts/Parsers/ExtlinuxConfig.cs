namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A parsed extlinux.conf: every line as stored, and the LABEL entries. The With* methods are pure edits:
/// they return a new config whose text differs from this one only where the edit says, so
/// <see cref="Render"/> gives back every untouched line byte for byte.
/// </summary>
public sealed record ExtlinuxConfig(IReadOnlyList<ExtlinuxLine> Lines, IReadOnlyList<ExtlinuxEntry> Entries)
{
    /// <summary>The directives before the first LABEL.</summary>
    public IEnumerable<ExtlinuxLine> GlobalDirectives =>
        Lines.TakeWhile(l => l.Keyword != "LABEL").Where(l => l.Kind == ExtlinuxLineKind.Directive);

    /// <summary>The DEFAULT label (syslinux applies the last DEFAULT in the file, wherever it is).</summary>
    public string? Default => Lines.LastOrDefault(l => l.Keyword == "DEFAULT")?.Argument;

    public string? Global(string keyword) =>
        GlobalDirectives.LastOrDefault(l => string.Equals(l.Keyword, keyword, StringComparison.OrdinalIgnoreCase))?.Argument;

    public ExtlinuxEntry? Find(string label) =>
        Entries.FirstOrDefault(e => string.Equals(e.Label, label, StringComparison.Ordinal));

    public string Render() => RawLine.Join(Lines.Select(l => l.Raw));

    /// <summary>
    /// Sets root= of the Linux (dom0) arguments of one entry, or of every entry that has one when
    /// <paramref name="label"/> is null. Only the value of root= changes: hypervisor arguments, other LABEL=
    /// or UUID= values and everything else on the line stay as they are.
    /// </summary>
    public EditResult<ExtlinuxConfig> WithRoot(string? label, string newRoot)
    {
        if (!IsWord(newRoot) || newRoot.Contains('"', StringComparison.Ordinal))
        {
            return EditResult<ExtlinuxConfig>.Fail($"'{newRoot}' cannot be a root= value");
        }

        IEnumerable<ExtlinuxEntry> targets = Entries;
        if (label is not null)
        {
            if (Find(label) is not { } entry)
            {
                return EditResult<ExtlinuxConfig>.Fail($"no entry labelled '{label}'");
            }

            targets = [entry];
        }

        var raw = Lines.Select(l => l.Raw).ToList();
        var changed = 0;
        foreach (var entry in targets)
        {
            var append = entry.Lines.LastOrDefault(l => l.Keyword == "APPEND");
            var region = append is not null && entry.LinuxArguments is not null ? LinuxArgumentsRange(append, entry.IsMultiboot) : null;
            var roots = region is { } r
                ? KernelArguments.Split(append!.Raw.Text.Substring(r.Start, r.Length))?.Where(a => a.Name == "root" && a.Value is not null).ToList()
                : null;
            if (roots is null || roots.Count == 0)
            {
                if (label is not null)
                {
                    return EditResult<ExtlinuxConfig>.Fail($"entry '{entry.Label}' has no root= argument");
                }

                continue;
            }

            var text = append!.Raw.Text;
            foreach (var root in Enumerable.Reverse(roots))
            {
                var at = region!.Value.Start + root.ValueStart;
                text = string.Concat(text.AsSpan(0, at), newRoot, text.AsSpan(at + root.ValueLength));
            }

            raw[append.Number - 1] = append.Raw with { Text = text };
            changed++;
        }

        return changed == 0
            ? EditResult<ExtlinuxConfig>.Fail("no entry has a root= argument")
            : EditResult<ExtlinuxConfig>.Ok(Reparse(raw));
    }

    /// <summary>Adds a LABEL block at the end, in the file's own keyword case, indentation and line endings.</summary>
    public EditResult<ExtlinuxConfig> WithEntry(ExtlinuxEntrySpec spec)
    {
        if (!IsWord(spec.Label) || !IsWord(spec.Kernel))
        {
            return EditResult<ExtlinuxConfig>.Fail("a label and a kernel are one word each");
        }

        if (Entries.Any(e => string.Equals(e.Label, spec.Label, StringComparison.OrdinalIgnoreCase)))
        {
            return EditResult<ExtlinuxConfig>.Fail($"label '{spec.Label}' already exists");
        }

        string?[] values = [spec.Append, spec.Initrd, spec.MenuLabel, spec.Comment];
        if (values.Any(v => v is not null && v.AsSpan().ContainsAny('\r', '\n')))
        {
            return EditResult<ExtlinuxConfig>.Fail("entry values must be single lines");
        }

        var indent = Indentation();
        var block = new List<string> { Keyword("label") + " " + spec.Label };
        if (spec.Comment is not null)
        {
            block.Add(indent + "# " + spec.Comment);
        }

        if (spec.MenuLabel is not null)
        {
            block.Add(indent + Keyword("menu label") + " " + spec.MenuLabel);
        }

        block.Add(indent + Keyword("kernel") + " " + spec.Kernel);
        if (spec.Append is not null)
        {
            block.Add(indent + Keyword("append") + " " + spec.Append);
        }

        if (spec.Initrd is not null)
        {
            block.Add(indent + Keyword("initrd") + " " + spec.Initrd);
        }

        return EditResult<ExtlinuxConfig>.Ok(Reparse(AppendBlock(block)));
    }

    /// <summary>
    /// Adds a copy of entry <paramref name="fromLabel"/> (its lines as stored) under <paramref name="newLabel"/>,
    /// with root= set to <paramref name="newRoot"/> when given: the way to add a "boot the mirror" entry that
    /// is otherwise identical to the one that boots today.
    /// </summary>
    public EditResult<ExtlinuxConfig> WithCopiedEntry(string fromLabel, string newLabel, string? newRoot = null)
    {
        if (Find(fromLabel) is not { } source)
        {
            return EditResult<ExtlinuxConfig>.Fail($"no entry labelled '{fromLabel}'");
        }

        if (!IsWord(newLabel) || Entries.Any(e => string.Equals(e.Label, newLabel, StringComparison.OrdinalIgnoreCase)))
        {
            return EditResult<ExtlinuxConfig>.Fail($"'{newLabel}' is not a free one-word label");
        }

        var last = source.Lines.ToList().FindLastIndex(l => l.Kind is ExtlinuxLineKind.Directive or ExtlinuxLineKind.HelpText);
        var block = source.Lines.Take(last + 1).Select(l => l.Raw.Text).ToList();
        var labelLine = source.Lines[0];
        block[0] = string.Concat(labelLine.Raw.Text.AsSpan(0, labelLine.ArgumentStart), newLabel);
        var copied = Reparse(AppendBlock(block));
        return newRoot is null ? EditResult<ExtlinuxConfig>.Ok(copied) : copied.WithRoot(newLabel, newRoot);
    }

    /// <summary>Points DEFAULT at an existing label (the last DEFAULT line is rewritten, or one is added after the globals).</summary>
    public EditResult<ExtlinuxConfig> WithDefault(string label)
    {
        if (Find(label) is null)
        {
            return EditResult<ExtlinuxConfig>.Fail($"no entry labelled '{label}'");
        }

        var raw = Lines.Select(l => l.Raw).ToList();
        if (Lines.LastOrDefault(l => l.Keyword == "DEFAULT") is { } line)
        {
            raw[line.Number - 1] = line.Raw with { Text = string.Concat(line.Raw.Text.AsSpan(0, line.ArgumentStart), label) };
            return EditResult<ExtlinuxConfig>.Ok(Reparse(raw));
        }

        var after = GlobalDirectives.LastOrDefault()?.Number ?? 0;
        raw.Insert(after, new RawLine(0, Keyword("default") + " " + label, NewLine()));
        return EditResult<ExtlinuxConfig>.Ok(Reparse(raw));
    }

    private static (int Start, int Length)? LinuxArgumentsRange(ExtlinuxLine append, bool multiboot)
    {
        var argument = append.Argument!;
        if (!multiboot)
        {
            return (append.ArgumentStart, argument.Length);
        }

        var parts = MultibootParts.Split(argument);
        if (parts.Count < 2)
        {
            return null;
        }

        var (start, length) = MultibootParts.ArgumentsRange(argument, parts[1]);
        return (append.ArgumentStart + start, length);
    }

    private static bool IsWord(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(" \t\r\n") < 0;

    private static ExtlinuxConfig Reparse(IEnumerable<RawLine> lines) => ExtlinuxParser.Parse(RawLine.Join(lines)).Value;

    private List<RawLine> AppendBlock(List<string> block)
    {
        var raw = Lines.Select(l => l.Raw).ToList();
        var newLine = NewLine();
        if (raw.Count > 0 && raw[^1].Terminator.Length == 0)
        {
            raw[^1] = raw[^1] with { Terminator = newLine };
        }

        if (raw.Count > 0 && raw[^1].Text.Trim().Length > 0)
        {
            raw.Add(new RawLine(0, "", newLine));
        }

        raw.AddRange(block.Select(text => new RawLine(0, text, newLine)));
        return raw;
    }

    private string NewLine() => Lines.Select(l => l.Raw.Terminator).FirstOrDefault(t => t.Length > 0) ?? "\n";

    /// <summary>The keyword in the file's case: lower case if the file's first directive is written in lower case.</summary>
    private string Keyword(string lower)
    {
        var first = Lines.FirstOrDefault(l => l.Kind == ExtlinuxLineKind.Directive);
        return first is not null && char.IsLower(first.Raw.Text.TrimStart()[0]) ? lower : lower.ToUpperInvariant();
    }

    /// <summary>The indentation of the lines inside the first entry ("  " for XenServer, a tab for Debian's).</summary>
    private string Indentation()
    {
        var inner = Entries.SelectMany(e => e.Lines.Skip(1)).FirstOrDefault(l => l.Kind is ExtlinuxLineKind.Directive or ExtlinuxLineKind.Comment);
        return inner is null ? "  " : inner.Raw.Text[..(inner.Raw.Text.Length - inner.Raw.Text.TrimStart().Length)];
    }
}
