using XsRaid.Formats;

namespace XsRaid.Devices;

/// <summary>
/// Random-access bytes of one disk, partition or image. Readers ask only for the ranges they need
/// (start and end of a device), so a 2 TiB sparse image costs a few kilobytes of reads.
/// </summary>
public interface IBlockSource
{
    /// <summary>What to call this source in messages (a path, or "/dev/sda1 in snapshot X").</summary>
    string Name { get; }

    /// <summary>Size in bytes.</summary>
    long Length { get; }

    /// <summary>Logical sector size in bytes (512 or 4096).</summary>
    int LogicalSectorSize { get; }

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/>. A range outside the source,
    /// or one that cannot be read (I/O error, not captured in a snapshot) is a <see cref="FormatError"/>.
    /// </summary>
    ReadResult<byte[]> Read(long offset, int count);
}
