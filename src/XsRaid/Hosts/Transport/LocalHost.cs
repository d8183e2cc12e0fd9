using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// This machine: runs argv with <see cref="Process"/> directly (no shell, so no quoting at all), with the same
/// result and timeout semantics as <see cref="SshHost"/>. A program that cannot be started is reported as a
/// shell reports it: exit 127 (not found) or 126 (not executable) with the reason on stderr.
/// </summary>
public sealed class LocalHost : IHost
{
    private const int ENOENT = 2;

    public LocalHost(TimeSpan defaultCommandTimeout)
    {
        DefaultCommandTimeout = defaultCommandTimeout;
    }

    public string Name => "local";

    public TimeSpan DefaultCommandTimeout { get; }

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default)
    {
        var commandLine = ShellQuote.Join(argv); // validates argv (no NUL) and names the command in messages
        var timeout = options?.Timeout ?? DefaultCommandTimeout;
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = StartInfoFor(argv) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var code = ex.NativeErrorCode == ENOENT ? 127 : 126;
            return new CommandResult(code, [], $"{argv[0]}: {ex.Message}\n", watch.Elapsed);
        }

        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        var limit = (options ?? new CommandOptions()).OutputLimit;
        var stdout = StreamDrain.ReadAllAsync(process.StandardOutput.BaseStream, limit, linked.Token);
        var stderr = StreamDrain.ReadAllAsync(process.StandardError.BaseStream, limit, linked.Token);
        StreamDrain.CancelOnFailure(stdout, linked);
        StreamDrain.CancelOnFailure(stderr, linked);
        var stdin = Task.Run(() => SendStdinAsync(process, options?.Stdin, linked.Token), CancellationToken.None);
        try
        {
            await Task.WhenAll(process.WaitForExitAsync(linked.Token), stdout, stderr).ConfigureAwait(false);
            return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false),
                Encoding.UTF8.GetString(await stderr.ConfigureAwait(false)), watch.Elapsed);
        }
        catch (Exception) when (StreamDrain.Overflowed(stdout, stderr))
        {
            process.Kill(entireProcessTree: true);
            throw new CommandOutputTooLargeException(Name, commandLine, limit);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (timeoutCts.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new CommandTimeoutException(Name, commandLine, timeout, "it was killed (with its child processes)");
            }

            throw;
        }
        finally
        {
            stdin.Observe();
            stdout.Observe();
            stderr.Observe();
        }
    }

    public void Dispose()
    {
    }

    private static ProcessStartInfo StartInfoFor(IReadOnlyList<string> argv)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task SendStdinAsync(Process process, byte[]? stdin, CancellationToken ct)
    {
        await using var input = process.StandardInput.BaseStream;
        if (stdin is { Length: > 0 })
        {
            await input.WriteAsync(stdin, ct).ConfigureAwait(false);
        }
    }
}
