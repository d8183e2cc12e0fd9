namespace XsRaid.Formats.Swap;

/// <summary>
/// A Linux swap area's header: the signature in the last 10 bytes of the first page, and for version 1
/// (<c>SWAPSPACE2</c>) the swap_header fields at byte 1024, as blkid reads them.
/// </summary>
/// <param name="PageSize">The page size whose last 10 bytes hold the signature (4096 ... 65536).</param>
/// <param name="Version">1 for <c>SWAPSPACE2</c>, 0 for the old <c>SWAP-SPACE</c> (which has no other fields).</param>
/// <param name="LastPage">The last usable page (mkswap writes pages - 1); 0 for version 0.</param>
/// <param name="Label">The 16-byte volume name at byte 1052 ("" when none, or when blkid would not trust it).</param>
/// <param name="Uuid">The UUID at byte 1036, null when all zero (blkid then prints none) or not trusted.</param>
/// <param name="UuidText">The UUID as blkid prints it (8-4-4-4-12, bytes in disk order).</param>
/// <param name="Raw">The first page, as read.</param>
public sealed record SwapHeader(
    int PageSize,
    uint Version,
    uint LastPage,
    string Label,
    Guid? Uuid,
    string? UuidText,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>"SWAPSPACE2" or "SWAP-SPACE".</summary>
    public required string Signature { get; init; }

    /// <summary>True when the header words are big-endian (made on a big-endian machine).</summary>
    public bool BigEndian { get; init; }

    /// <summary>nr_badpages.</summary>
    public uint BadPageCount { get; init; }

    /// <summary>Bytes the header says the swap area spans: (LastPage + 1) × PageSize; 0 for version 0.</summary>
    public ulong SizeBytes => Version == 0 ? 0 : ((ulong)LastPage + 1) * (ulong)PageSize;
}
