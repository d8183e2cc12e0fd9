using System.Globalization;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Facts about the host's current boot, read with one command (<see cref="ExecutionSnippets.BootFacts"/>): when it
/// booted (UTC), its kernel command line, the device mounted on /, whether the plan's one-shot boot is still armed
/// (its own check, run in the same command), and the tail of the previous boot's log if journald keeps one.
/// </summary>
public sealed record BootFacts(DateTime? BootTime, string? KernelCommandLine, string? RootDevice, bool? OneShotPending, string? PreviousBootLog)
{
    public static async Task<BootFacts> ReadAsync(IHost host, OneShotBoot? oneShot, CancellationToken ct)
    {
        var result = await host.RunAsync(
            ["sh", "-c", ExecutionSnippets.BootFacts, "sh", .. oneShot?.StillArmed.Command.Argv ?? []],
            new CommandOptions(TimeSpan.FromSeconds(60)), ct).ConfigureAwait(false);
        return Parse(result.StdoutText);
    }

    public static BootFacts Parse(string output)
    {
        var lines = output.Split('\n');
        var previous = Array.IndexOf(lines, "previous-boot");
        string? Value(string key) => lines.Take(previous < 0 ? lines.Length : previous)
            .FirstOrDefault(l => l.StartsWith(key + " ", StringComparison.Ordinal))?[(key.Length + 1)..].Trim() is { Length: > 0 } v ? v : null;

        DateTime? boot = long.TryParse(Value("btime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTime.UnixEpoch.AddSeconds(seconds)
            : null;
        bool? pending = Value("once") switch
        {
            "pending" => true,
            "clear" => false,
            _ => null,
        };
        var log = previous < 0 ? null : string.Join('\n', lines.Skip(previous + 1)).Trim();
        return new BootFacts(boot, Value("cmdline"), Value("root"), pending, log is { Length: > 0 } ? log : null);
    }
}
