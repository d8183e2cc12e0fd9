namespace XsRaid.Hosts.Parsers;

/// <summary>One "KEY=value" line of a shell-sourceable file, with the value after quote removal.</summary>
public sealed record ShellAssignment(int Line, string Key, string Value);
