using System.Globalization;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// The text form of a UEFI device path as efibootmgr prints it (libefivar's "PciRoot(0x0)/Pci(0x1,0x0)/HD(...)/File(...)"):
/// where a boot entry loads from. The file node is "File(\EFI\...)" in older libefivar and a bare "\EFI\..." in
/// newer ones; in both, the entry's optional data may follow the path with no separator.
/// </summary>
internal static class EfiDevicePath
{
    /// <summary>Node names libefivar and efibootmgr 0.11 print, each followed by '(': how a path is told from a label.</summary>
    private static readonly HashSet<string> NodeNames = new(StringComparer.Ordinal)
    {
        "Acpi", "AcpiAdr", "AcpiContainer", "AcpiEx", "AcpiExp", "AcpiPath", "ACPI", "Ata", "BBS", "BbsPath", "BMC",
        "Bluetooth", "BluetoothLE", "CDROM", "Ctrl", "Dns", "EDD10", "EmbeddedController", "Fibre", "File", "Floppy",
        "FvFile", "FvVol", "HardwarePath", "HD", "I1394", "I2O", "Infiniband", "IPv4", "IPv6", "iSCSI", "Keyboard",
        "MAC", "Media", "MediaPath", "MemoryMapped", "Msg", "NVDIMM", "NvDimm", "NVMe", "NvRoot", "Offset", "Path",
        "PCI", "PcCard", "Pci", "PciRoot", "PcieRoot", "Ramdisk", "SAS", "Sata", "SCSI", "SD", "Serial", "UFS", "USB",
        "Uart", "UartFlowControl", "Unit", "Uri", "UsbClass", "UsbDeviceFirmwareUpdate", "UsbIrdaBridge",
        "UsbTestAndMeasurement", "UsbWwid", "VenHw", "VenMedia", "VenMsg", "VenPcAnsi", "VenUtf8", "VenVt100",
        "VenVt100Plus", "Vlan", "Wi-Fi", "eMMC",
    };

    /// <summary>Whether a device path node ("HD(", "PciRoot(", ...) starts at <paramref name="index"/>.</summary>
    public static bool NodeStartsAt(string text, int index)
    {
        var paren = text.IndexOf('(', index, Math.Min(32, text.Length - index));
        return paren > index && NodeNames.Contains(text[index..paren]);
    }

    /// <summary>The GPT partition and loader file of <paramref name="path"/>, and what is wrong with it (null when nothing).</summary>
    public static (EfiGptPartition? Partition, string? Loader, string? Problem) Read(string path)
    {
        EfiGptPartition? partition = null;
        var hd = NodeStart(path, "HD(");
        if (hd >= 0)
        {
            var close = path.IndexOf(')', hd);
            if (close < 0)
            {
                return (null, null, "HD(...) node has no ')'");
            }

            var fields = path[(hd + 3)..close].Split(',');
            if (fields.Length > 1 && fields[1] == "GPT")
            {
                partition = Gpt(fields);
                if (partition is null)
                {
                    return (null, null, "HD(...,GPT,...) node is not 'HD(number,GPT,guid,0xstart,0xsize)'");
                }
            }
        }

        var file = NodeStart(path, "File(");
        if (file >= 0)
        {
            var close = path.IndexOf(')', file);
            return close < 0 ? (partition, null, "File(...) node has no ')'") : (partition, path[(file + 5)..close], null);
        }

        var bare = NodeStart(path, "\\");
        if (bare >= 0)
        {
            var efi = path.IndexOf(".efi", bare, StringComparison.OrdinalIgnoreCase);
            return (partition, efi < 0 ? null : path[bare..(efi + 4)], null);
        }

        return (partition, null, null);
    }

    /// <summary>Where node <paramref name="start"/> first begins a node: at the start of the path or right after a '/'.</summary>
    private static int NodeStart(string path, string start)
    {
        for (var i = path.IndexOf(start, StringComparison.Ordinal); i >= 0; i = path.IndexOf(start, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || path[i - 1] == '/')
            {
                return i;
            }
        }

        return -1;
    }

    private static EfiGptPartition? Gpt(string[] fields)
    {
        if (fields.Length != 5 || TextNumbers.Int(fields[0]) is not { } number
            || !Guid.TryParseExact(fields[2], "D", out var guid)
            || Hex(fields[3]) is not { } start || Hex(fields[4]) is not { } size)
        {
            return null;
        }

        return new EfiGptPartition(number, guid.ToString("D"), start, size);
    }

    private static long? Hex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal)
        && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
        && value >= 0
            ? value
            : null;
}
