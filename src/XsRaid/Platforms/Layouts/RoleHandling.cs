namespace XsRaid.Platforms.Layouts;

/// <summary>What the conversion does with a role's partition.</summary>
public enum RoleHandling
{
    /// <summary>Mirrored, with a new filesystem the running one is copied onto (the root).</summary>
    Copy,

    /// <summary>Mirrored and left empty (XenServer's backup partition).</summary>
    Empty,

    /// <summary>Mirrored; the local storage repository goes on it (with --create-sr).</summary>
    Storage,

    /// <summary>Mirrored and made swap.</summary>
    Swap,

    /// <summary>Never an md member: each disk keeps its own (BIOS boot, ESP); the bootloader fills it.</summary>
    PerDisk,
}
