using System.Globalization;
using System.Text.RegularExpressions;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Swap;
using XsRaid.Tests.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Swap;

/// <summary>Swap areas made by the real mkswap on sparse files, and the check against blkid.</summary>
public static partial class SwapImage
{
    public const long DefaultBytes = 4L * 1024 * 1024;

    /// <summary>Runs mkswap and returns the image and the byte size mkswap reports ("size = ... (N bytes)").</summary>
    public static (string Path, ulong ReportedBytes) Make(TempDir dir, string name, long bytes, params string[] mkswapOptions)
    {
        var path = dir.SparseFile(name, bytes);
        var output = Tool.Run("mkswap", [.. mkswapOptions, path]).Stdout;
        var size = ReportedSize().Match(output);
        size.Success.ShouldBeTrue($"mkswap printed no size: {output}");
        return (path, ulong.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    public static ReadResult<SwapHeader> Read(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return SwapHeaderReader.Read(source);
    }

    /// <summary>
    /// The reader and blkid agree: swap for both (with the same VERSION, LABEL and UUID, each absent alike), or
    /// swap for neither. Returns the header when both found one.
    /// </summary>
    public static SwapHeader? AgreesWithBlkid(string path)
    {
        var blkid = BlkidExport.Probe(path);
        var read = Read(path);
        if (blkid.GetValueOrDefault("TYPE") != "swap")
        {
            read.IsOk.ShouldBeFalse($"blkid finds no swap, the reader found {read}");
            return null;
        }

        read.IsOk.ShouldBeTrue($"blkid finds swap, the reader says {read}");
        var header = read.Value!;
        header.Version.ToString(CultureInfo.InvariantCulture).ShouldBe(blkid["VERSION"]);
        header.Label.ShouldBe(blkid.GetValueOrDefault("LABEL", ""));
        header.UuidText.ShouldBe(blkid.GetValueOrDefault("UUID"));
        (header.Uuid?.ToString("D")).ShouldBe(header.UuidText);
        return header;
    }

    [GeneratedRegex(@"size = .*\((\d+) bytes\)")]
    private static partial Regex ReportedSize();
}
