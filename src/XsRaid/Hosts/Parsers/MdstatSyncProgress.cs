namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A progress line such as "[=>....]  resync =  7.5% (39680/523264) finish=3.8min speed=2112K/sec".
/// Done and Total are in 1 KiB blocks, as the kernel prints them.
/// </summary>
public sealed record MdstatSyncProgress(
    MdSyncAction Action,
    decimal Percent,
    long DoneKiB,
    long TotalKiB,
    decimal? FinishMinutes,
    long? SpeedKiBPerSecond);
