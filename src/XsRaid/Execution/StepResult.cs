namespace XsRaid.Execution;

/// <summary>How one step ended.</summary>
public enum StepResult
{
    /// <summary>Its commands ran and its verification held.</summary>
    Done,

    /// <summary>Its effect was already there (its done-check held) and its verification held: nothing ran.</summary>
    AlreadyDone,

    /// <summary>It stopped the conversion: see <see cref="StepFailure"/>.</summary>
    Failed,
}
