namespace XsRaid.Formats.Md;

/// <summary>md superblock times: Unix seconds (1.x keeps them in the low 40 bits, microseconds above).</summary>
internal static class MdTimestamp
{
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Seconds since the epoch as a time, or false when they are past what a DateTimeOffset can hold.</summary>
    public static bool TryFromSeconds(ulong seconds, out DateTimeOffset time)
    {
        if (seconds > (ulong)MaxSeconds)
        {
            time = default;
            return false;
        }

        time = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        return true;
    }

    /// <summary>The seconds of a 1.x time field (its low 40 bits).</summary>
    public static ulong Seconds1(ulong raw) => raw & 0xFF_FFFF_FFFFUL;
}
