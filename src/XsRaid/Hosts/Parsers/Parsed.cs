namespace XsRaid.Hosts.Parsers;

/// <summary>
/// What a text parser returns: everything it could read, plus one <see cref="ParseIssue"/> per line it could
/// not. Parsers are total: they never throw for bad input, they report it here.
/// </summary>
public sealed record Parsed<T>(T Value, IReadOnlyList<ParseIssue> Issues)
{
    public bool IsClean => Issues.Count == 0;
}
