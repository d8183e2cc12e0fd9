namespace XsRaid.Hosts.Snapshot;

/// <summary>Bytes captured from a disk at a byte offset (the ends of the disk and of each partition).</summary>
public sealed record CapturedRegion(long Offset, ReadOnlyMemory<byte> Bytes)
{
    public long End => Offset + Bytes.Length;
}
