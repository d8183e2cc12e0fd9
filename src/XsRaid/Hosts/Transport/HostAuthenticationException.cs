namespace XsRaid.Hosts;

/// <summary>The host's key is trusted but logging in failed (key refused, or no usable identity file).</summary>
public sealed class HostAuthenticationException : HostConnectionException
{
    public HostAuthenticationException(string host, string message, Exception? innerException = null)
        : base(host, message, innerException)
    {
    }
}
