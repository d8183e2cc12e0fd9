namespace XsRaid.Platforms;

/// <summary>How the host booted: legacy BIOS or UEFI.</summary>
public enum Firmware
{
    Bios,
    Uefi,
}
