namespace XsRaid.Planning;

/// <summary>What each mirrored partition of the XenServer 6.x layout is for.</summary>
public static class ArrayRoles
{
    public const string Root = "root";
    public const string Backup = "backup";
    public const string Storage = "storage";

    public static string Of(int partitionNumber) => partitionNumber switch
    {
        1 => Root,
        2 => Backup,
        _ => Storage,
    };
}
