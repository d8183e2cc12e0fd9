namespace XsRaid.Platforms.Layouts;

/// <summary>What a partition of a system disk is for.</summary>
public enum RoleKind
{
    Root,
    Backup,
    Storage,
    Logs,
    Swap,
    BiosBoot,
    Esp,
}
