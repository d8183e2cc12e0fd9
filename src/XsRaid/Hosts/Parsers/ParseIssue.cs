namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A line a parser did not understand: its 1-based number, its text (cut to <see cref="MaxTextLength"/>
/// characters so a hostile line cannot bloat a report), and what is wrong with it. Line 0 means the
/// problem is with the text as a whole (something required is missing).
/// </summary>
public sealed record ParseIssue(int Line, string Text, string Problem)
{
    public const int MaxTextLength = 200;

    public static ParseIssue At(int line, string text, string problem) =>
        new(line, text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "...", problem);

    public override string ToString() => $"line {Line}: {Problem}: {Text}";
}
