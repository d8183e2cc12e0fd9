namespace XsRaid.Formats.Lvm;

/// <summary>
/// The first metadata area of a PV: its mda_header and the current (committed) metadata text that raw_locn[0]
/// points to. The text is a ring buffer after the 512-byte header, so it may wrap to the area's byte 512.
/// </summary>
/// <param name="Start">mda_header.start: the byte offset of the area on the PV.</param>
/// <param name="Size">mda_header.size: the area's size in bytes, header included.</param>
/// <param name="HeaderChecksum">mda_header.checksum_xl (verified before this record is made).</param>
/// <param name="TextOffset">raw_locn[0].offset, relative to <paramref name="Start"/> (0 when no VG text).</param>
/// <param name="TextSize">raw_locn[0].size.</param>
/// <param name="TextChecksum">raw_locn[0].checksum: LVM's CRC of the text.</param>
/// <param name="TextIgnored">raw_locn[0].flags has RAW_LOCN_IGNORED (pvchange --metadataignore): text not read.</param>
/// <param name="VgName">The VG name: the identifier before " {" at the start of the text (read only when its checksum matched).</param>
/// <param name="Seqno">The text's "seqno = N" line.</param>
/// <param name="Raw">The 512 header bytes.</param>
/// <param name="Text">The metadata text bytes in order (both pieces when it wraps); empty when not read.</param>
public sealed record LvmMetadataArea(
    ulong Start,
    ulong Size,
    uint HeaderChecksum,
    ulong TextOffset,
    ulong TextSize,
    uint TextChecksum,
    bool TextIgnored,
    string? VgName,
    ulong? Seqno,
    ReadOnlyMemory<byte> Raw,
    ReadOnlyMemory<byte> Text)
{
    /// <summary>Where the text starts on the PV (as pvck prints "metadata text at N").</summary>
    public ulong TextAbsoluteOffset => Start + TextOffset;

    /// <summary>True when the text runs past the end of the area and continues at its byte 512.</summary>
    public bool TextWraps => TextSize > 0 && TextOffset + TextSize > Size;

    public bool HasText => TextOffset != 0 && TextSize != 0;
}
