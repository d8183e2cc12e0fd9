namespace XsRaid.Hosts.Snapshot;

/// <summary>A command the probe ran on the host: its exit status and combined output.</summary>
public sealed record CommandCapture(string Name, int ExitCode, string Output);
