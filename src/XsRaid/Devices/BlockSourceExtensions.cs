using XsRaid.Formats;

namespace XsRaid.Devices;

public static class BlockSourceExtensions
{
    /// <summary>A window of <paramref name="source"/> (a partition of a disk): offsets are relative to its start.</summary>
    public static IBlockSource Slice(this IBlockSource source, long offset, long length, string name) =>
        new SlicedBlockSource(source, offset, length, name);

    /// <summary>Reads <paramref name="count"/> bytes, or fewer if the source ends first (never before offset).</summary>
    public static ReadResult<byte[]> ReadUpTo(this IBlockSource source, long offset, int count)
    {
        if (offset < 0 || offset > source.Length)
        {
            return FormatError.Truncated(source.Name, $"offset {offset} is outside the {source.Length}-byte device", offset);
        }

        var available = (int)Math.Min(count, source.Length - offset);
        return source.Read(offset, available);
    }
}
