using System.Globalization;
using System.Text;
using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>
/// An <see cref="IHost"/> that writes every command it runs to a <see cref="ConvertLog"/>: the quoted command line,
/// the size of its standard input, then its exit code, duration, stdout and stderr (each cut to its last 64 KiB),
/// or the transport error. The wrapped host is not disposed by it.
/// </summary>
public sealed class LoggingHost(IHost inner, ConvertLog log) : IHost
{
    private const int OutputLimit = 64 * 1024;

    public string Name => inner.Name;

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default)
    {
        var stdin = options?.Stdin is { Length: > 0 } bytes ? $" (stdin {bytes.Length} bytes)" : "";
        log.Write($"$ {ShellQuote.Join(argv)}{stdin}");
        try
        {
            var result = await inner.RunAsync(argv, options, ct).ConfigureAwait(false);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"  exit {result.ExitCode} in {result.Elapsed.TotalSeconds:0.000} s");
            Section(text, "stdout", result.StdoutText);
            Section(text, "stderr", result.Stderr);
            log.Write(text.ToString());
            return result;
        }
        catch (Exception e) when (e is HostConnectionException or OperationCanceledException)
        {
            log.Write($"  {e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    public void Dispose()
    {
    }

    private static void Section(StringBuilder text, string name, string output)
    {
        if (output.Length == 0)
        {
            return;
        }

        var kept = output.Length <= OutputLimit ? output : "...(cut)..." + output[^OutputLimit..];
        text.Append("\n  ").Append(name).Append(":\n    ").Append(kept.TrimEnd('\n').Replace("\n", "\n    ", StringComparison.Ordinal));
    }
}
