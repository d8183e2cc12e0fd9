namespace XsRaid.Hosts;

/// <summary>
/// Per-command settings. <paramref name="Timeout"/> overrides the host's default command timeout
/// (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none);
/// <paramref name="Stdin"/> is written to the command's standard input, which is then closed (an absent
/// <paramref name="Stdin"/> means an empty standard input, never an open one a command could wait on).
/// <paramref name="MaxOutputBytes"/> bounds stdout and stderr each (<see cref="InputLimits.CommandOutputBytes"/>
/// when absent): a command printing more is stopped and <see cref="CommandOutputTooLargeException"/> is thrown.
/// </summary>
public sealed record CommandOptions(TimeSpan? Timeout = null, byte[]? Stdin = null, long? MaxOutputBytes = null)
{
    public long OutputLimit => MaxOutputBytes ?? InputLimits.CommandOutputBytes;
}
