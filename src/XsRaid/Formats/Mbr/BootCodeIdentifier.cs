using System.Text;

namespace XsRaid.Formats.Mbr;

/// <summary>
/// Names the boot code in the first 440 bytes of sector 0 by byte signatures that survive installation.
/// <list type="bullet">
/// <item>syslinux mbr.bin / gptmbr.bin are copied verbatim (dd bs=440). All their variants (_c, _f) begin with the
/// same 31-byte relocation prologue (copy 512 bytes from 0x7c00 to 0x600 and jump there); the two are told apart
/// by their messages, and gptmbr by the "!GPT" hand-over signature it loads into EAX for the VBR.</item>
/// <item>GRUB 2 boot.img is patched by grub-bios-setup: the BPB (0x03-0x59) is copied from the old sector, the
/// core.img sector (0x5c-0x63), boot drive (0x64) and drive check (0x66-0x67) are written. Only the jump at 0 and
/// the message strings (after 0x68) are used.</item>
/// </list>
/// </summary>
public static class BootCodeIdentifier
{
    /// <summary>Bytes of boot code before the disk signature at 440.</summary>
    public const int BootCodeLength = 440;

    private static readonly byte[] SyslinuxPrologue =
    [
        0x33, 0xC0, 0xFA, 0x8E, 0xD8, 0x8E, 0xD0, 0xBC, 0x00, 0x7C, 0x89, 0xE6, 0x06, 0x57, 0x8E, 0xC0,
        0xFB, 0xFC, 0xBF, 0x00, 0x06, 0xB9, 0x00, 0x01, 0xF3, 0xA5, 0xEA, 0x1F, 0x06, 0x00, 0x00,
    ];

    /// <summary>GRUB 2 boot.img's first instruction: jmp short to 0x65, past the BPB and the patched variables.</summary>
    private static readonly byte[] Grub2Jump = [0xEB, 0x63, 0x90];

    /// <summary>Where grub-bios-setup's patched variables end (GRUB_BOOT_MACHINE_DRIVE_CHECK + 2).</summary>
    private const int Grub2UnpatchedFrom = 0x68;

    private static readonly BootCodeSignature[] Known =
    [
        new(BootCodeKind.SyslinuxGptMbr, 0, SyslinuxPrologue, 0,
            [Ascii("Missing OS\r\n"), Ascii("Multiple active partitions\r\n"), [0x66, 0xB8, .. Ascii("!GPT")]]),
        new(BootCodeKind.SyslinuxMbr, 0, SyslinuxPrologue, 0,
            [Ascii("Missing operating system.\r\n"), Ascii("Operating system load error.\r\n")]),
        new(BootCodeKind.Grub2BootImg, 0, Grub2Jump, Grub2UnpatchedFrom,
            [Ascii("GRUB \0Geom\0Hard Disk\0Read\0 Error\r\n\0")]),
    ];

    /// <summary>Identifies the boot code; fewer than 440 bytes is <see cref="BootCodeKind.Unknown"/>.</summary>
    public static BootCodeKind Identify(ReadOnlySpan<byte> first440)
    {
        if (first440.Length < BootCodeLength)
        {
            return BootCodeKind.Unknown;
        }

        var code = first440[..BootCodeLength];
        if (!code.ContainsAnyExcept((byte)0))
        {
            return BootCodeKind.Zeroed;
        }

        foreach (var signature in Known)
        {
            if (signature.Matches(code))
            {
                return signature.Kind;
            }
        }

        return BootCodeKind.Unknown;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
