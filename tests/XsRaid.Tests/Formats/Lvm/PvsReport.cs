namespace XsRaid.Tests.Formats.Lvm;

/// <summary>Rows of <c>pvs --noheadings --separator '|'</c>: one string per column, trimmed.</summary>
public static class PvsReport
{
    public static IReadOnlyList<string[]> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
}
