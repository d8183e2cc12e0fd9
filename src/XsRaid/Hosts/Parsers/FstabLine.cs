namespace XsRaid.Hosts.Parsers;

/// <summary>One line of /etc/fstab as stored, and its entry unless it is blank, a comment, or unreadable.</summary>
public sealed record FstabLine(RawLine Raw, FstabEntry? Entry)
{
    public int Number => Raw.Number;
}
