using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>The end of a `convert` run: its kind, one message for the user, and the details that go with the kind.</summary>
public sealed record ConvertOutcome(ConvertOutcomeKind Kind, string Message)
{
    public StepFailure? Failure { get; init; }

    public RollbackReport? Rollback { get; init; }

    public IReadOnlyList<Refusal> Refusals { get; init; } = [];

    /// <summary>The host-change findings of <see cref="ConvertOutcomeKind.HostChanged"/>.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public static ConvertOutcome Failed(StepFailure failure) =>
        new(ConvertOutcomeKind.Failed, $"step {failure.Step.Id} failed: {failure.Problem}") { Failure = failure };
}
