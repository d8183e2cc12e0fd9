namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One "sdb1[1](F)" token of an array line. <see cref="Number"/> is the number in brackets: the member's
/// descriptor number (mdadm --detail's "Number" column), not its role (RaidDevice).
/// </summary>
public sealed record MdstatMember(
    string Device,
    int Number,
    bool Faulty,
    bool Spare,
    bool WriteMostly,
    bool Replacement,
    bool Journal);
