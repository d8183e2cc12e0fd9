using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>A command's result, and what went wrong writing its journal line on the host (null when nothing did).</summary>
public sealed record JournaledResult(CommandResult Result, string? Warning)
{
    public bool Succeeded => Result.Succeeded;
}
