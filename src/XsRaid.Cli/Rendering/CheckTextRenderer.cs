using XsRaid.Health;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// `xsraid check` as a monitoring plugin prints it: "XSRAID STATE - summary | perfdata", then one line per finding,
/// worst first ("CRITICAL md0: degraded: ..."). A '|' inside a text would cut the perfdata, so it becomes '/'.
/// </summary>
public static class CheckTextRenderer
{
    public static string Render(CheckReport report)
    {
        var lines = new List<string> { $"XSRAID {Name(report.State)} - {Clean(report.Summary)} | {CheckPerfdata.Format(report)}" };
        lines.AddRange(Ordered(report.Findings).Select(f => $"{Name(f.State)} {Clean(f.Subject)}: {Clean(f.Message)}"));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Worst first, in the order found within one state.</summary>
    public static IEnumerable<CheckFinding> Ordered(IEnumerable<CheckFinding> findings) =>
        findings.OrderBy(f => f.State switch
        {
            FindingState.Critical => 0,
            FindingState.Unknown => 1,
            FindingState.Warning => 2,
            FindingState.Ok => 3,
            _ => 4,
        });

    public static string Name(CheckState state) => state.ToString().ToUpperInvariant();

    public static string Name(FindingState state) => state.ToString().ToUpperInvariant();

    private static string Clean(string text) => text.Replace('|', '/').Replace('\n', ' ').Replace('\r', ' ');
}
