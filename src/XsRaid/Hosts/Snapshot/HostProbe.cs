using System.Reflection;
using System.Text;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Takes a host snapshot: one remote process (`sh -c PROBE`), one round trip, read-only. The probe script is
/// embedded (Hosts/Snapshot/probe.sh) and runs on CentOS 5 and Debian alike.
/// </summary>
public static class HostProbe
{
    public static readonly TimeSpan Timeout = InputLimits.ProbeTime;

    public static string Script { get; } = LoadScript();

    /// <summary>Runs the probe within <see cref="InputLimits.ProbeTime"/> and <see cref="InputLimits.ProbeOutputBytes"/>.</summary>
    public static async Task<ReadResult<HostSnapshot>> TakeAsync(IHost host, CancellationToken ct = default)
    {
        CommandResult result;
        try
        {
            result = await host.RunAsync(["sh", "-c", Script, "xsraid-probe"],
                new CommandOptions(Timeout, MaxOutputBytes: InputLimits.ProbeOutputBytes), ct).ConfigureAwait(false);
        }
        catch (CommandOutputTooLargeException e)
        {
            return new FormatError(host.Name, FormatErrorKind.IoError,
                $"the probe printed more than {InputLimits.Describe(e.Limit)}, the limit for probe output; it was stopped");
        }
        catch (CommandTimeoutException e)
        {
            return new FormatError(host.Name, FormatErrorKind.IoError,
                $"the probe did not finish within {e.Timeout.TotalMinutes:0.#} min, the limit for a probe; it was stopped");
        }

        if (result.ExitCode != 0)
        {
            return new FormatError(host.Name, FormatErrorKind.IoError,
                $"the probe exited {result.ExitCode}: {Tail(result.Stderr)}");
        }

        return ProbeOutputParser.Parse(result.Stdout);
    }

    private static string Tail(string text) => text.Length > 400 ? "..." + text[^400..] : text.Trim();

    private static string LoadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("XsRaid.Hosts.Snapshot.probe.sh")
            ?? throw new InvalidOperationException("the probe script is not embedded in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
