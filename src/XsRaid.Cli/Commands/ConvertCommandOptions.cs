using XsRaid.Planning;

namespace XsRaid.Cli.Commands;

/// <summary>What `convert` was asked to do, once its options are read.</summary>
public sealed record ConvertCommandOptions(
    PlanOptions Plan,
    bool Yes,
    bool NoWait,
    TimeSpan RebootTimeout,
    string? JournalPath,
    string? LogPath,
    bool Json);
