namespace XsRaid.Hosts;

/// <summary>A command ran longer than its timeout; xsraid stopped waiting and closed its channel (or killed it locally).</summary>
public sealed class CommandTimeoutException : HostConnectionException
{
    public CommandTimeoutException(string host, string commandLine, TimeSpan timeout, string aftermath)
        : base(host, $"`{commandLine}` did not finish within {timeout.TotalSeconds:0.###} s; {aftermath}")
    {
        CommandLine = commandLine;
        Timeout = timeout;
    }

    public string CommandLine { get; }

    public TimeSpan Timeout { get; }
}
