namespace XsRaid.Hosts;

/// <summary>A command printed more than its output limit; xsraid stopped it (killed it locally, closed its channel over SSH).</summary>
public sealed class CommandOutputTooLargeException : HostConnectionException
{
    public CommandOutputTooLargeException(string host, string commandLine, long limit)
        : base(host, $"`{Clip(commandLine)}` printed more than {InputLimits.Describe(limit)}, the limit for a command's output; it was stopped")
    {
        CommandLine = commandLine;
        Limit = limit;
    }

    public string CommandLine { get; }

    public long Limit { get; }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
