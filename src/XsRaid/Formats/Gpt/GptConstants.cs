namespace XsRaid.Formats.Gpt;

/// <summary>Layout facts and the reader's sanity limits for GPT (UEFI spec, chapter 5).</summary>
internal static class GptConstants
{
    /// <summary>"EFI PART" read as a little-endian u64.</summary>
    public const ulong Signature = 0x5452415020494645;

    public const uint Revision10 = 0x00010000;

    public const int MinHeaderSize = 92;
    public const int HeaderCrcOffset = 16;

    public const int MinEntrySize = 128;

    /// <summary>The largest entry size accepted (128 x 2^n); nothing writes more than 128.</summary>
    public const int MaxEntrySize = 4096;

    /// <summary>The most entries accepted; sgdisk's default is 128.</summary>
    public const int MaxEntryCount = 65536;

    /// <summary>The largest entry array read (8 MiB), whatever the header claims.</summary>
    public const long MaxArrayBytes = 8L * 1024 * 1024;

    public const int EntryNameOffset = 56;
    public const int EntryNameBytes = 72;

    /// <summary>Attribute bit 2: legacy BIOS bootable (what syslinux gptmbr.bin boots).</summary>
    public const ulong LegacyBiosBootableAttribute = 1UL << 2;
}
