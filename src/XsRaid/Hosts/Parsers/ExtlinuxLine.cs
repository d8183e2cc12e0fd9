namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One line of extlinux.conf as stored. For a directive, <see cref="Keyword"/> is its keyword in upper case
/// (syslinux keywords are case-insensitive; MENU and TEXT keywords keep their second word: "MENU LABEL",
/// "TEXT HELP") and <see cref="Argument"/> the rest of the line, which starts at <see cref="ArgumentStart"/>
/// in the line's text.
/// </summary>
public sealed record ExtlinuxLine(RawLine Raw, ExtlinuxLineKind Kind, string? Keyword, string? Argument, int ArgumentStart)
{
    public int Number => Raw.Number;
}
