namespace XsRaid.Hosts.Parsers;

/// <summary>One line of a text file: its 1-based number and its text without the line terminator.</summary>
public readonly record struct SourceLine(int Number, string Text);
