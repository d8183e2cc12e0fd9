using XsRaid.Formats;

namespace XsRaid.Devices;

/// <summary>A source over bytes in memory (tests, and small captured regions).</summary>
public sealed class MemoryBlockSource : IBlockSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    public MemoryBlockSource(ReadOnlyMemory<byte> bytes, string name = "memory", int logicalSectorSize = 512)
    {
        _bytes = bytes;
        Name = name;
        LogicalSectorSize = logicalSectorSize;
    }

    public string Name { get; }

    public long Length => _bytes.Length;

    public int LogicalSectorSize { get; }

    public ReadResult<byte[]> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > _bytes.Length)
        {
            return FormatError.Truncated(Name, $"range [{offset}, +{count}) is outside the {_bytes.Length}-byte device", offset);
        }

        return _bytes.Slice((int)offset, count).ToArray();
    }
}
