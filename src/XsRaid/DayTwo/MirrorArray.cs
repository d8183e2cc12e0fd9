using XsRaid.Hosts.Parsers;

namespace XsRaid.DayTwo;

/// <summary>A running md array as `replace` and `heal` see it: its state, level and members.</summary>
public sealed record MirrorArray(string Name, MdstatArrayState State, string? Level, IReadOnlyList<MirrorMember> Members)
{
    public string Device => "/dev/" + Name;

    public bool IsRunning => State != MdstatArrayState.Inactive;

    public bool IsMirror => Level == "raid1";
}
