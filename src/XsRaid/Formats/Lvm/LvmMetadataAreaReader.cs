using System.Text;
using XsRaid.Devices;

namespace XsRaid.Formats.Lvm;

/// <summary>
/// Reads the first metadata area of a PV (format_text mda_header and raw_locn[0]) and its committed text,
/// never past <see cref="LvmLabelReader.WindowBytes"/> from the start of the device.
/// </summary>
public static class LvmMetadataAreaReader
{
    public const int HeaderSize = 512;
    public const uint RawLocationIgnored = 1;

    private const string Structure = "LVM metadata area";
    private const int MagicAt = 4;
    private const int VersionAt = 20;
    private const int StartAt = 24;
    private const int SizeAt = 32;
    private const int RawLocationAt = 40;

    /// <summary>FMTT_MAGIC, at byte 4 of every mda_header.</summary>
    public static ReadOnlySpan<byte> Magic => " LVM2 x[5A%r0N*>"u8;

    /// <summary>Reads the area at <paramref name="area"/>; every problem is a FormatError, never an exception.</summary>
    public static ReadResult<LvmMetadataArea> Read(IBlockSource device, LvmDiskLocation area)
    {
        var window = (ulong)Math.Min(device.Length, LvmLabelReader.WindowBytes);
        if (area.Offset > (ulong)device.Length || (ulong)device.Length - area.Offset < HeaderSize)
        {
            return FormatError.Corrupt(Structure, $"the area at byte {area.Offset} points beyond the {device.Length}-byte device");
        }

        if (area.Size < HeaderSize || area.Size > (ulong)device.Length - area.Offset)
        {
            return FormatError.Corrupt(Structure, $"the area at byte {area.Offset} of {area.Size} bytes does not fit the {device.Length}-byte device", (long)area.Offset);
        }

        if (area.Offset + HeaderSize > window)
        {
            return Outside(area.Offset);
        }

        var header = device.Read((long)area.Offset, HeaderSize);
        if (!header.IsOk)
        {
            return header.Error;
        }

        var parsed = ParseHeader(header.Value, area);
        return parsed.IsOk ? ReadText(device, window, parsed.Value) : parsed;
    }

    /// <summary>Parses and checks a 512-byte mda_header that was found at <paramref name="area"/>.</summary>
    public static ReadResult<LvmMetadataArea> ParseHeader(ReadOnlySpan<byte> header, LvmDiskLocation area)
    {
        try
        {
            return ParseHeaderFields(header, area);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message, (long)area.Offset);
        }
    }

    private static ReadResult<LvmMetadataArea> ParseHeaderFields(ReadOnlySpan<byte> header, LvmDiskLocation area)
    {
        var f = new LittleEndianFields(header);
        var at = (long)area.Offset;
        if (!f.Slice(MagicAt, Magic.Length).SequenceEqual(Magic))
        {
            return FormatError.Corrupt(Structure, "no mda_header magic", at + MagicAt);
        }

        var checksum = f.U32(0);
        var computed = LvmCrc.Compute(f.Slice(MagicAt, HeaderSize - MagicAt));
        if (computed != checksum)
        {
            return FormatError.Corrupt(Structure, $"header checksum 0x{checksum:x8} but the bytes give 0x{computed:x8}", at);
        }

        var version = f.U32(VersionAt);
        if (version != 1)
        {
            return new FormatError(Structure, FormatErrorKind.Unsupported, $"mda_header version {version}", at + VersionAt);
        }

        var start = f.U64(StartAt);
        var size = f.U64(SizeAt);
        if (start != area.Offset || size != area.Size)
        {
            return FormatError.Corrupt(
                Structure,
                $"mda_header says start {start} size {size}, the pv_header says {area.Offset} and {area.Size}",
                at + StartAt);
        }

        var textOffset = f.U64(RawLocationAt);
        var textSize = f.U64(RawLocationAt + 8);
        var textChecksum = f.U32(RawLocationAt + 16);
        var ignored = (f.U32(RawLocationAt + 20) & RawLocationIgnored) != 0;
        if (textOffset != 0 && (textOffset < HeaderSize || textOffset >= size || textSize > size - HeaderSize))
        {
            return FormatError.Corrupt(Structure, $"raw_locn[0] (offset {textOffset}, size {textSize}) is outside the {size}-byte area", at + RawLocationAt);
        }

        return new LvmMetadataArea(
            start, size, checksum, textOffset, textSize, textChecksum, ignored, null, null, header[..HeaderSize].ToArray(), ReadOnlyMemory<byte>.Empty);
    }

    private static ReadResult<LvmMetadataArea> ReadText(IBlockSource device, ulong window, LvmMetadataArea area)
    {
        if (!area.HasText || area.TextIgnored)
        {
            return area;
        }

        // The ring: [TextOffset, Size) and then, if the text wraps, [512, 512 + the rest).
        var firstLength = Math.Min(area.TextSize, area.Size - area.TextOffset);
        var secondLength = area.TextSize - firstLength;
        var firstStart = area.Start + area.TextOffset;
        var secondStart = area.Start + HeaderSize;
        if (firstStart + firstLength > window || (secondLength > 0 && secondStart + secondLength > window))
        {
            return Outside(firstStart);
        }

        var first = device.Read((long)firstStart, (int)firstLength);
        if (!first.IsOk)
        {
            return first.Error;
        }

        var text = first.Value;
        if (secondLength > 0)
        {
            var second = device.Read((long)secondStart, (int)secondLength);
            if (!second.IsOk)
            {
                return second.Error;
            }

            text = [.. text, .. second.Value];
        }

        var computed = LvmCrc.Compute(text);
        if (computed != area.TextChecksum)
        {
            return FormatError.Corrupt(
                Structure,
                $"metadata text checksum 0x{area.TextChecksum:x8} but the text gives 0x{computed:x8}",
                (long)firstStart);
        }

        var content = Encoding.Latin1.GetString(text);
        var vgName = LvmMetadataText.VgName(content);
        if (vgName is null)
        {
            return FormatError.Corrupt(Structure, "the metadata text does not start with a VG name and \" {\"", (long)firstStart);
        }

        return area with
        {
            VgName = vgName,
            Seqno = LvmMetadataText.Seqno(content),
            Text = text,
        };
    }

    private static FormatError Outside(ulong offset) =>
        new(Structure, FormatErrorKind.Unsupported, $"byte {offset} is outside the first {LvmLabelReader.WindowBytes} bytes this reader reads", (long)offset);
}
