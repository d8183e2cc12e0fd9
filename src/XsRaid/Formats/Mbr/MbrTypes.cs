namespace XsRaid.Formats.Mbr;

/// <summary>Names of common MBR partition types, spelled as `sfdisk --list-types --label dos` spells them.</summary>
public static class MbrTypes
{
    private static readonly Dictionary<byte, string> Names = new()
    {
        [0x05] = "Extended",
        [0x07] = "HPFS/NTFS/exFAT",
        [0x0B] = "W95 FAT32",
        [0x0C] = "W95 FAT32 (LBA)",
        [0x0F] = "W95 Ext'd (LBA)",
        [0x82] = "Linux swap / Solaris",
        [0x83] = "Linux",
        [0x85] = "Linux extended",
        [0x8E] = "Linux LVM",
        [0xEE] = "GPT",
        [0xEF] = "EFI (FAT-12/16/32)",
        [0xFD] = "Linux raid autodetect",
    };

    /// <summary>Every type this table names.</summary>
    public static IReadOnlyCollection<byte> KnownTypes => Names.Keys;

    /// <summary>The type's name, or "Unknown".</summary>
    public static string NameOf(byte type) => Names.GetValueOrDefault(type, "Unknown");
}
