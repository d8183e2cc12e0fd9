using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>The plan's one-shot boot entry: its label and the extlinux directory it was armed in (`extlinux --once=LABEL DIR`).</summary>
public sealed record OneShotEntry(string Label, string ExtlinuxDirectory)
{
    private const string OnceOption = "--once=";

    /// <summary>Found in the plan's commands (the arming command), or null when the plan arms none.</summary>
    public static OneShotEntry? In(ConversionPlan plan) =>
        plan.Steps.SelectMany(s => s.Commands)
            .Where(c => c.Argv.Count >= 3 && c.Argv[0] == "extlinux" && c.Argv.Any(a => a.StartsWith(OnceOption, StringComparison.Ordinal)))
            .Select(c => new OneShotEntry(c.Argv.First(a => a.StartsWith(OnceOption, StringComparison.Ordinal))[OnceOption.Length..], c.Argv[^1]))
            .FirstOrDefault();
}
