using System.Text;
using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>Reads and writes the conversion state on the host (<see cref="HostStateLocation"/>), one command each.</summary>
public static class HostStateStore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<HostConversionState> ReadAsync(IHost host, HostStateLocation location, CancellationToken ct)
    {
        var result = await host.RunAsync(["sh", "-c", ExecutionSnippets.ReadState, "sh", location.Directory], new CommandOptions(Timeout), ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return HostConversionState.None with { Problem = $"reading {location.Directory} failed (exit {result.ExitCode}): {OutputTail.Of(result.Stderr, 3)}" };
        }

        return Parse(result.StdoutText, location.Directory);
    }

    /// <summary>Parses <see cref="ExecutionSnippets.ReadState"/>'s output: the saved plan, the marker line, the journal.</summary>
    public static HostConversionState Parse(string output, string directory)
    {
        var marker = output.IndexOf("\n" + ExecutionSnippets.JournalMarker + "\n", StringComparison.Ordinal);
        if (marker < 0)
        {
            return HostConversionState.None with { Problem = "the host's answer lacks the journal marker" };
        }

        var planText = output[..marker].Trim();
        var journal = Journal.Parse(output[(marker + ExecutionSnippets.JournalMarker.Length + 2)..]);
        if (planText.Length == 0)
        {
            return new HostConversionState(null, journal);
        }

        return ExecutionJson.ParseSaved(planText) is { } saved
            ? new HostConversionState(saved, journal)
            : new HostConversionState(null, journal, $"{directory}/plan.json is not a plan xsraid wrote; move it away to start over");
    }

    /// <summary>Writes plan.json on the running root (the root copy takes it to the new root). Returns null or the problem.</summary>
    public static async Task<string?> SaveAsync(IHost host, HostStateLocation location, SavedConversion saved, CancellationToken ct)
    {
        var json = ExecutionJson.Serialize(saved);
        var result = await host.RunAsync(["sh", "-c", ExecutionSnippets.SavePlan, "sh", location.Directory],
            new CommandOptions(Timeout, Encoding.UTF8.GetBytes(json + "\n")), ct).ConfigureAwait(false);
        return result.Succeeded ? null : $"saving the plan to {location.Directory}/plan.json failed (exit {result.ExitCode}): {OutputTail.Of(result.Stderr, 3)}";
    }
}
