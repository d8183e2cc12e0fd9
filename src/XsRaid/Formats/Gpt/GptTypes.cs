namespace XsRaid.Formats.Gpt;

/// <summary>
/// GPT partition type GUIDs with sgdisk's 4-hex-digit codes and names (as `sgdisk -i N` prints them).
/// Unknown GUIDs are "FFFF" / "Unknown", as sgdisk shows them.
/// </summary>
public static class GptTypes
{
    public const string UnknownCode = "FFFF";
    public const string UnknownName = "Unknown";

    /// <summary>Code, GUID and name, in sgdisk's order (the first code of a GUID is the one sgdisk shows).</summary>
    private static readonly (string Code, Guid Type, string Name)[] Table =
    [
        ("0700", new("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7"), "Microsoft basic data"),
        ("0C01", new("E3C9E316-0B5C-4DB8-817D-F92DF00215AE"), "Microsoft reserved"),
        ("2700", new("DE94BBA4-06D1-4D40-A16A-BFD50179D6AC"), "Windows RE"),
        ("4200", new("AF9B60A0-1431-4F62-BC68-3311714A69AD"), "Windows LDM data"),
        ("8200", new("0657FD6D-A4AB-43C4-84E5-0933C84B4F4F"), "Linux swap"),
        ("8300", new("0FC63DAF-8483-4772-8E79-3D69D8477DE4"), "Linux filesystem"),
        ("8301", new("8DA63339-0007-60C0-C436-083AC8230908"), "Linux reserved"),
        ("8302", new("933AC7E1-2EB4-4F13-B844-0E14E2AEF915"), "Linux /home"),
        ("8304", new("4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709"), "Linux x86-64 root (/)"),
        ("8305", new("B921B045-1DF0-41C3-AF44-4C6F280D3FAE"), "Linux ARM64 root (/)"),
        ("8306", new("3B8F8425-20E0-4F3B-907F-1A25A76F98E8"), "Linux /srv"),
        ("8308", new("7FFEC5C9-2D00-49B7-8941-3EA10A5586B7"), "Linux dm-crypt"),
        ("8309", new("CA7D7CCB-63ED-4C53-861C-1742536059CC"), "Linux LUKS"),
        ("8310", new("4D21B016-B534-45C2-A9FB-5C16E091FD2D"), "Linux /var"),
        ("8E00", new("E6D6D379-F507-44C2-A23C-238F2A3DF928"), "Linux LVM"),
        ("EA00", new("BC13C2FF-59E6-4262-A352-B275FD6F7172"), "XBOOTLDR partition"),
        ("EF00", new("C12A7328-F81F-11D2-BA4B-00A0C93EC93B"), "EFI system partition"),
        ("EF01", new("024DEE41-33E7-11D3-9D69-0008C781F39F"), "MBR partition scheme"),
        ("EF02", new("21686148-6449-6E6F-744E-656564454649"), "BIOS boot partition"),
        ("FD00", new("A19D880F-05FC-4D3B-A006-743F0F84911E"), "Linux RAID"),
    ];

    private static readonly Dictionary<Guid, (string Code, string Name)> ByGuid =
        Table.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => (g.First().Code, g.First().Name));

    private static readonly Dictionary<string, Guid> ByCode =
        Table.ToDictionary(t => t.Code, t => t.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code this table knows, upper-case.</summary>
    public static IReadOnlyList<string> KnownCodes { get; } = Table.Select(t => t.Code).ToArray();

    /// <summary>sgdisk's code for a type GUID ("8E00"), or "FFFF".</summary>
    public static string CodeOf(Guid type) => ByGuid.TryGetValue(type, out var t) ? t.Code : UnknownCode;

    /// <summary>sgdisk's name for a type GUID ("Linux LVM"), or "Unknown".</summary>
    public static string NameOf(Guid type) => ByGuid.TryGetValue(type, out var t) ? t.Name : UnknownName;

    /// <summary>The type GUID of an sgdisk code (any case); <see cref="Guid.Empty"/> for a code not in the table.</summary>
    public static Guid GuidOf(string code) => ByCode.GetValueOrDefault(code, Guid.Empty);

    /// <summary>A GUID as sgdisk prints it: upper-case, 8-4-4-4-12.</summary>
    public static string Format(Guid guid) => guid.ToString("D").ToUpperInvariant();
}
