namespace XsRaid.Hosts;

/// <summary>
/// Reads a stream to its end into one array without quadratic copying: bytes land in growing chunks
/// (64 KiB doubling up to 4 MiB) and are copied once into the result, so 50 MB of stdout costs about 100 MB at peak.
/// More than the limit ends the read with <see cref="OutputLimitExceededException"/>: memory stays bounded.
/// </summary>
internal static class StreamDrain
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 4 * 1024 * 1024;

    public static async Task<byte[]> ReadAllAsync(Stream stream, long limit, CancellationToken ct = default)
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
            if (total > limit)
            {
                throw new OutputLimitExceededException(limit);
            }
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

    /// <summary>Cancels <paramref name="cts"/> as soon as <paramref name="drain"/> fails, so the command is stopped.</summary>
    public static void CancelOnFailure(Task drain, CancellationTokenSource cts) =>
        drain.ContinueWith(
            _ =>
            {
                try
                {
                    cts.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // the command already ended
                }
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>True when one of the drains stopped at its limit.</summary>
    public static bool Overflowed(params Task[] drains) =>
        drains.Any(d => d.IsFaulted && d.Exception?.InnerException is OutputLimitExceededException);
}

/// <summary>A stream held more bytes than the reader's limit (see <see cref="StreamDrain"/>).</summary>
internal sealed class OutputLimitExceededException(long limit) : Exception($"more than {limit} bytes")
{
    public long Limit { get; } = limit;
}
