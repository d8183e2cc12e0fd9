using XsRaid.Formats;

namespace XsRaid.Devices;

/// <summary>A byte window of another source, such as one partition of a disk image.</summary>
public sealed class SlicedBlockSource : IBlockSource
{
    private readonly IBlockSource _inner;
    private readonly long _start;

    public SlicedBlockSource(IBlockSource inner, long start, long length, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _inner = inner;
        _start = start;
        Length = length;
        Name = name;
    }

    public string Name { get; }

    public long Length { get; }

    public int LogicalSectorSize => _inner.LogicalSectorSize;

    public ReadResult<byte[]> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > Length)
        {
            return FormatError.Truncated(Name, $"range [{offset}, +{count}) is outside the {Length}-byte device", offset);
        }

        return _inner.Read(_start + offset, count);
    }
}
