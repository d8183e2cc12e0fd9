using XsRaid.Planning;

namespace XsRaid.DayTwo;

/// <summary>
/// The reviewable plan of a day-2 command (`replace`, `heal`, `alerts`): the disks it concerns, the arrays it
/// touches and its typed steps (done-checks and verifications as in a conversion), carried out by the same executor.
/// <see cref="Survivor"/>, <see cref="NewDisk"/> and <see cref="FailedDisk"/> are null where the command names none.
/// </summary>
public sealed record DayTwoPlan(
    string Command,
    string HostName,
    string Platform,
    DiskIdentity? Survivor,
    DiskIdentity? NewDisk,
    string? FailedDisk,
    IReadOnlyList<ReplaceArray> Arrays,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The `check` finding codes this command repairs: after its steps none of them may be WARNING or CRITICAL
    /// (<see cref="DayTwoVerdict"/>). Empty: the command answers for the whole host (any CRITICAL fails it).
    /// </summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];

    public PlanStep Step(string id) => Steps.Single(s => s.Id == id);

    /// <summary>The arrays the plan waits for (its resync-wait step watches them).</summary>
    public IReadOnlyList<string> ArrayDevices => [.. Arrays.Select(a => a.Device)];
}
