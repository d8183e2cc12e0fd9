namespace XsRaid.DayTwo;

/// <summary>One member of a running array: its kernel name (sda1), whether it holds a complete copy, whether md failed it.</summary>
public sealed record MirrorMember(string Device, bool InSync, bool Faulty);
