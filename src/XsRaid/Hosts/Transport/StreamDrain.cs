namespace XsRaid.Hosts;

/// <summary>
/// Reads a stream to its end into one array without quadratic copying: bytes land in growing chunks
/// (64 KiB doubling up to 4 MiB) and are copied once into the result, so 50 MB of stdout costs about 100 MB at peak.
/// </summary>
internal static class StreamDrain
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 4 * 1024 * 1024;

    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken ct = default)
    {
        var full = new List<byte[]>();
        var chunk = new byte[FirstChunk];
        var filled = 0;
        long total = 0;
        while (true)
        {
            if (filled == chunk.Length)
            {
                full.Add(chunk);
                chunk = new byte[Math.Min(chunk.Length * 2, LargestChunk)];
                filled = 0;
            }

            var read = await stream.ReadAsync(chunk.AsMemory(filled), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            total += read;
        }

        var result = GC.AllocateUninitializedArray<byte>(checked((int)total));
        var at = 0;
        foreach (var piece in full)
        {
            piece.CopyTo(result, at);
            at += piece.Length;
        }

        chunk.AsSpan(0, filled).CopyTo(result.AsSpan(at));
        return result;
    }
}
