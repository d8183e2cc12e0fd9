using XsRaid.Devices;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// A disk known only by the regions a probe captured. A read inside one region (or several that touch) is served;
/// anything else is an <see cref="FormatErrorKind.IoError"/> saying the bytes were not captured.
/// </summary>
public sealed class RegionBlockSource : IBlockSource
{
    private readonly IReadOnlyList<CapturedRegion> _regions;

    public RegionBlockSource(string name, long length, int logicalSectorSize, IReadOnlyList<CapturedRegion> regions)
    {
        Name = name;
        Length = length;
        LogicalSectorSize = logicalSectorSize;
        _regions = [.. regions.OrderBy(r => r.Offset)];
    }

    public string Name { get; }

    public long Length { get; }

    public int LogicalSectorSize { get; }

    public ReadResult<byte[]> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
        {
            return FormatError.Truncated(Name, $"range [{offset}, +{count}) is outside the {Length}-byte device", offset);
        }

        var buffer = new byte[count];
        var position = offset;
        var end = offset + count;
        while (position < end)
        {
            var region = _regions.FirstOrDefault(r => r.Offset <= position && position < r.End);
            if (region is null)
            {
                return new FormatError(Name, FormatErrorKind.IoError, $"byte {position} was not captured in the snapshot", position);
            }

            var take = (int)(Math.Min(end, region.End) - position);
            region.Bytes.Span.Slice((int)(position - region.Offset), take).CopyTo(buffer.AsSpan((int)(position - offset)));
            position += take;
        }

        return buffer;
    }
}
