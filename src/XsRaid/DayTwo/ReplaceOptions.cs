namespace XsRaid.DayTwo;

/// <summary>
/// What `replace` was asked: the new disk, the failed one (null: the disk that is not the survivor, or none with
/// <see cref="Missing"/>), and whether the new disk's old signatures may be wiped.
/// </summary>
public sealed record ReplaceOptions(string NewDisk, string? FailedDisk = null, bool Missing = false, bool WipeTarget = false);
