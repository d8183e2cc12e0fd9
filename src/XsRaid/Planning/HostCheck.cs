namespace XsRaid.Planning;

/// <summary>
/// A read-only question asked of the host: the check holds when the command exits 0. Used both to tell that a
/// step's effect is already there (so re-running skips it) and to verify the step afterwards.
/// </summary>
public sealed record HostCheck(string Description, HostCommand Command);
