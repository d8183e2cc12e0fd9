namespace XsRaid.Hosts.Parsers;

/// <summary>What a line of extlinux.conf is.</summary>
public enum ExtlinuxLineKind
{
    Blank,
    Comment,
    Directive,

    /// <summary>A line between "TEXT HELP" and "ENDTEXT": free text, never a directive.</summary>
    HelpText,
}
