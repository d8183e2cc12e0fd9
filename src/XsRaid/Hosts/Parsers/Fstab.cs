namespace XsRaid.Hosts.Parsers;

/// <summary>
/// /etc/fstab as a list of its lines. Unchanged lines render byte for byte as read; <see cref="WithField"/>
/// rewrites exactly one field of one line and keeps every other character of the file.
/// </summary>
public sealed record Fstab(IReadOnlyList<FstabLine> Lines)
{
    public IEnumerable<FstabLine> Entries => Lines.Where(l => l.Entry is not null);

    /// <summary>The entry line for a mount point ("/", "swap" entries use "none"/"swap"); the last one wins, as for mount.</summary>
    public FstabLine? ForMountPoint(string file) =>
        Entries.LastOrDefault(l => string.Equals(l.Entry!.File, file, StringComparison.Ordinal));

    public string Render() => RawLine.Join(Lines.Select(l => l.Raw));

    /// <summary>
    /// A copy with one field of the entry on line <paramref name="lineNumber"/> replaced by
    /// <paramref name="value"/> (blanks and backslashes are written as octal escapes).
    /// </summary>
    public EditResult<Fstab> WithField(int lineNumber, FstabField field, string value)
    {
        var index = Lines.ToList().FindIndex(l => l.Number == lineNumber);
        if (index < 0 || Lines[index].Entry is null)
        {
            return EditResult<Fstab>.Fail($"line {lineNumber} is not an fstab entry");
        }

        if (value.Length == 0 || (field == FstabField.Spec && value[0] == '#'))
        {
            return EditResult<Fstab>.Fail($"'{value}' cannot be an fstab {field} field");
        }

        if (field is FstabField.Freq or FstabField.PassNo && TextNumbers.Int(value) is null)
        {
            return EditResult<Fstab>.Fail($"{field} must be a number, not '{value}'");
        }

        var raw = Lines[index].Raw;
        var ranges = TextLines.FieldRanges(raw.Text);
        if ((int)field >= ranges.Count)
        {
            return EditResult<Fstab>.Fail($"line {lineNumber} has no {field} field");
        }

        var (start, length) = ranges[(int)field];
        var text = string.Concat(raw.Text.AsSpan(0, start), OctalEscapes.Encode(value), raw.Text.AsSpan(start + length));
        var line = FstabParser.ParseLine(raw with { Text = text }, []);
        var lines = Lines.ToList();
        lines[index] = line;
        return EditResult<Fstab>.Ok(new Fstab(lines));
    }
}
