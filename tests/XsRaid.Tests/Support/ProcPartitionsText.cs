using System.Text.RegularExpressions;

namespace XsRaid.Tests.Support;

/// <summary>/proc/partitions without its loopN lines: tests running beside each other attach and detach loop devices.</summary>
public static partial class ProcPartitionsText
{
    public static string[] WithoutLoops(string text) => [.. text.Split('\n').Where(l => !LoopLine().IsMatch(l))];

    [GeneratedRegex(@"\sloop\d+$")]
    private static partial Regex LoopLine();
}
