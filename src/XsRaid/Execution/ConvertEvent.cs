using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// What a conversion reports while it runs, for a front end to render (lines, progress bars, JSON). The runner and
/// the executor raise these in order; only the progress events come from a poller running beside a step's commands.
/// </summary>
public abstract record ConvertEvent;

/// <summary>Something the user should know (continuing a journal, the plan re-checked, the host back).</summary>
public sealed record ConvertNotice(string Text) : ConvertEvent;

/// <summary>Something went wrong that does not stop the conversion (the host's journal could not be written).</summary>
public sealed record ConvertWarning(string Text) : ConvertEvent;

/// <summary>A step starts: <paramref name="Number"/> of <paramref name="Count"/> in the plan.</summary>
public sealed record StepStarted(PlanStep Step, int Number, int Count) : ConvertEvent;

/// <summary>A step ended.</summary>
public sealed record StepFinished(StepOutcome Outcome, int Number, int Count) : ConvertEvent;

/// <summary>The root copy of <paramref name="Step"/>: bytes on the new root against bytes on the old one.</summary>
public sealed record CopyProgress(PlanStep Step, long CopiedBytes, long TotalBytes, double? BytesPerSecond) : ConvertEvent;

/// <summary>The plan's arrays while they resync, as one /proc/mdstat poll saw them.</summary>
public sealed record ResyncProgress(IReadOnlyList<ArrayHealth> Arrays) : ConvertEvent;

/// <summary>The reboot command was sent; the host is waited for up to <paramref name="Timeout"/>.</summary>
public sealed record RebootStarted(TimeSpan Timeout) : ConvertEvent;

/// <summary>SSH stopped answering (the reboot is under way).</summary>
public sealed record HostWentAway(TimeSpan After) : ConvertEvent;

/// <summary>SSH answers again, with the same host key; <paramref name="Downtime"/> since the reboot command.</summary>
public sealed record HostCameBack(TimeSpan Downtime) : ConvertEvent;
