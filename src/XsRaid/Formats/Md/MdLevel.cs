namespace XsRaid.Formats.Md;

/// <summary>md RAID level numbers and the names mdadm gives them.</summary>
public static class MdLevel
{
    public const int Linear = -1;
    public const int Multipath = -4;
    public const int Faulty = -5;
    public const int Container = -1000000;

    /// <summary>What mdadm prints as "Raid Level" for this number; "-unknown-" when it has no name.</summary>
    public static string Name(int level) => level switch
    {
        Linear => "linear",
        0 => "raid0",
        1 => "raid1",
        4 => "raid4",
        5 => "raid5",
        6 => "raid6",
        10 => "raid10",
        Multipath => "multipath",
        Faulty => "faulty",
        Container => "container",
        _ => "-unknown-",
    };
}
