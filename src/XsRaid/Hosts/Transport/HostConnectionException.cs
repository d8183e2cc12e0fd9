namespace XsRaid.Hosts;

/// <summary>
/// The transport to a host failed (not the command: a non-zero exit is data). The message names the host,
/// says what failed and what to do about it, so the CLI can print it as it is.
/// </summary>
public class HostConnectionException : Exception
{
    public HostConnectionException(string host, string message, Exception? innerException = null)
        : base($"{host}: {message}", innerException)
    {
        Host = host;
    }

    /// <summary>The host as <see cref="IHost.Name"/> shows it.</summary>
    public string Host { get; }
}
