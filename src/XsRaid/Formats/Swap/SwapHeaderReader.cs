using System.Buffers.Binary;
using System.Text;
using XsRaid.Devices;

namespace XsRaid.Formats.Swap;

/// <summary>
/// Finds a swap signature the way libblkid's swap probe does: "SWAPSPACE2" or "SWAP-SPACE" 10 bytes before the
/// end of the first page, for each page size Linux uses, smallest first. Reads 10 bytes per candidate and then
/// the first page.
/// </summary>
public static class SwapHeaderReader
{
    public const string SignatureV1 = "SWAPSPACE2";
    public const string SignatureV0 = "SWAP-SPACE";

    /// <summary>blkid does not look for swap on anything smaller than 10 pages of 4 KiB.</summary>
    public const int MinimumDeviceBytes = 10 * 4096;

    private const string Structure = "swap header";
    private const int SignatureLength = 10;
    private const int VersionAt = 1024;
    private const int LastPageAt = 1028;
    private const int BadPagesAt = 1032;
    private const int UuidAt = 1036;
    private const int LabelAt = 1052;
    private const int PaddingWord32At = 1068 + (32 * 4); // blkid trusts label and UUID only if padding[32..33] are 0.

    private static readonly int[] PageSizes = [4096, 8192, 16384, 32768, 65536];

    public static IReadOnlyList<int> CandidatePageSizes => PageSizes;

    public static ReadResult<SwapHeader> Read(IBlockSource device)
    {
        foreach (var pageSize in PageSizes)
        {
            if (device.Length < pageSize)
            {
                break;
            }

            var tail = device.Read(pageSize - SignatureLength, SignatureLength);
            if (!tail.IsOk)
            {
                return tail.Error;
            }

            var signature = Encoding.ASCII.GetString(tail.Value);
            if (signature is not (SignatureV1 or SignatureV0))
            {
                continue;
            }

            if (device.Length < MinimumDeviceBytes)
            {
                return FormatError.Truncated(
                    Structure,
                    $"{signature} found but the device is {device.Length} bytes, under blkid's {MinimumDeviceBytes}-byte minimum",
                    pageSize - SignatureLength);
            }

            var page = device.Read(0, pageSize);
            return page.IsOk ? Parse(page.Value, pageSize, signature) : page.Error;
        }

        return FormatError.NotPresent(Structure, $"no {SignatureV1} or {SignatureV0} at the end of a 4 KiB to 64 KiB first page");
    }

    /// <summary>Parses the first page of a swap area whose signature <paramref name="signature"/> was found.</summary>
    public static ReadResult<SwapHeader> Parse(ReadOnlySpan<byte> firstPage, int pageSize, string signature)
    {
        try
        {
            return ParseFields(firstPage, pageSize, signature);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message);
        }
    }

    private static ReadResult<SwapHeader> ParseFields(ReadOnlySpan<byte> page, int pageSize, string signature)
    {
        var f = new LittleEndianFields(page);
        if (signature == SignatureV0)
        {
            return new SwapHeader(pageSize, 0, 0, "", null, null, page.ToArray()) { Signature = signature };
        }

        var version = f.U32(VersionAt);
        var bigEndian = version != 1 && BinaryPrimitives.ReverseEndianness(version) == 1;
        if (version != 1 && !bigEndian)
        {
            return new FormatError(Structure, FormatErrorKind.Unsupported, $"{signature} with header version {version}, not 1", VersionAt);
        }

        var lastPage = Word(f, LastPageAt, bigEndian);
        if (lastPage == 0)
        {
            return FormatError.Corrupt(Structure, "last_page is 0", LastPageAt);
        }

        var trusted = f.U32(PaddingWord32At) == 0 && f.U32(PaddingWord32At + 4) == 0;
        var uuidBytes = f.Slice(UuidAt, 16);
        Guid? uuid = trusted && uuidBytes.ContainsAnyExcept((byte)0) ? new Guid(uuidBytes, bigEndian: true) : null;
        var label = trusted ? f.FixedString(LabelAt, 16) : "";

        return new SwapHeader(pageSize, 1, lastPage, label, uuid, uuid?.ToString("D"), page.ToArray())
        {
            Signature = signature,
            BigEndian = bigEndian,
            BadPageCount = Word(f, BadPagesAt, bigEndian),
        };
    }

    private static uint Word(LittleEndianFields f, int offset, bool bigEndian) =>
        bigEndian ? f.U32BigEndian(offset) : f.U32(offset);
}
