using XsRaid.Formats;

namespace XsRaid.Devices;

/// <summary>Counts what is read through it: the proof that a reader touches only the sectors it needs.</summary>
public sealed class CountingBlockSource : IBlockSource
{
    private readonly IBlockSource _inner;

    public CountingBlockSource(IBlockSource inner) => _inner = inner;

    public string Name => _inner.Name;

    public long Length => _inner.Length;

    public int LogicalSectorSize => _inner.LogicalSectorSize;

    public long BytesRead { get; private set; }

    public int ReadCount { get; private set; }

    public ReadResult<byte[]> Read(long offset, int count)
    {
        ReadCount++;
        BytesRead += count;
        return _inner.Read(offset, count);
    }
}
