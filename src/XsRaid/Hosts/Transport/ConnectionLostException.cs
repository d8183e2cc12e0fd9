namespace XsRaid.Hosts;

/// <summary>
/// An established connection went away (the host rebooted, sshd died, the network dropped). When it happened
/// during a command, whether the command finished on the host is unknown: the message says so.
/// </summary>
public sealed class ConnectionLostException : HostConnectionException
{
    public ConnectionLostException(string host, string message, Exception? innerException = null)
        : base(host, message, innerException)
    {
    }
}
