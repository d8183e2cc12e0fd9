namespace XsRaid.Health;

/// <summary>
/// How much one finding weighs. <see cref="Note"/> is information that does not change the verdict (a capture an
/// older snapshot lacks, a check this version does not make); the others raise the verdict to their level.
/// </summary>
public enum FindingState
{
    Ok,
    Note,
    Warning,
    Critical,
    Unknown,
}
