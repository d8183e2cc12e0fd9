namespace XsRaid.Execution;

/// <summary>The last lines of a command's output, cut to a bounded size, for messages and the journal.</summary>
public static class OutputTail
{
    public const int MaxCharacters = 2000;

    public static string Of(string text, int lines = 20)
    {
        var kept = text.TrimEnd().Split('\n').TakeLast(lines);
        var tail = string.Join('\n', kept).Trim();
        return tail.Length <= MaxCharacters ? tail : "..." + tail[^MaxCharacters..];
    }

    /// <summary>stdout and stderr together (stderr last: that is where errors are), as one tail.</summary>
    public static string Of(string stdout, string stderr, int lines = 20) =>
        Of(stdout.TrimEnd().Length == 0 ? stderr : stderr.TrimEnd().Length == 0 ? stdout : stdout.TrimEnd() + "\n" + stderr, lines);
}
