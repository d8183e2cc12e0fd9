using System.Text.Json.Serialization;

namespace XsRaid.Planning;

/// <summary>
/// One typed step of a conversion plan: what it does and why, the argv commands, which disk it writes (if any),
/// how to tell that it is already done, how to verify it afterwards, and its kind.
/// </summary>
public sealed record PlanStep(
    string Id,
    PlanPhase Phase,
    string Title,
    string Why,
    IReadOnlyList<HostCommand> Commands,
    string? Writes,
    HostCheck? DoneWhen,
    HostCheck? Verify)
{
    public StepKind Kind { get; init; } = StepKind.Action;

    public bool IsDestructive => Writes is not null;

    /// <summary>The reboot: the executor stops here, waits for the host, and checks where / is.</summary>
    [JsonIgnore]
    public bool IsRebootPoint => Kind == StepKind.RebootPoint;
}
