using System.CommandLine;
using System.Globalization;
using XsRaid.Cli.Commands;
using XsRaid.Cli.Rendering;
using XsRaid.Hosts;

namespace XsRaid.Cli;

/// <summary>
/// The single top-level error path. A command's action runs on its own thread so that a signal is answered even
/// while it is blocked; a typed error (a host that cannot be reached) is one paragraph and its documented exit
/// code; an interruption is one line and 128 + the signal; anything unexpected is one line naming the command and
/// the log file that holds the stack trace, exit 1. System.CommandLine prints nothing of its own.
/// </summary>
public static class TopLevel
{
    /// <summary>Runs the parsed command; never throws.</summary>
    public static int Invoke(ParseResult parsed, CliIo io)
    {
        var command = parsed.CommandResult.Command.Name;
        using var interruption = Interruption.Listen();
        var config = new InvocationConfiguration
        {
            Output = io.Out,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var run = Task.Run(() => parsed.InvokeAsync(config, interruption.Token));
        var index = Task.WaitAny(run, interruption.Expired);
        if (index == 1 && !run.IsCompleted)
        {
            io.Error.WriteLine($"xsraid: {command}: interrupted by {interruption.SignalName}; it did not stop within {Interruption.Grace.TotalSeconds:0} s and was abandoned.");
            return interruption.ExitCode;
        }

        try
        {
            return run.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (interruption.SignalName is not null)
        {
            io.Error.WriteLine($"xsraid: {command}: interrupted by {interruption.SignalName}.");
            return interruption.ExitCode;
        }
        catch (HostConnectionException e)
        {
            io.Error.WriteLine($"xsraid: {e.Message}");
            return HostFailures.ExitCodeFor(e);
        }
        catch (Exception e)
        {
            return Unexpected(command, e, io);
        }
    }

    /// <summary>One line naming the command and the log holding the trace; exit 1.</summary>
    public static int Unexpected(string command, Exception e, CliIo io)
    {
        var log = ErrorLog.Write(command, e);
        var where = log is null ? "no log could be written" : $"the details are in {log}";
        io.Error.WriteLine($"xsraid: {command}: internal error ({e.GetType().Name}: {TerminalText.Printable(FirstLine(e.Message))}); {where}. Please report it with the command line.");
        return ExitCodes.Failure;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>Writes the full trace of an unexpected error to a file of its own under $XDG_STATE_HOME/xsraid/errors.</summary>
    private static class ErrorLog
    {
        public static string? Write(string command, Exception e)
        {
            foreach (var dir in Directories())
            {
                try
                {
                    Directory.CreateDirectory(dir);
                    var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                    var path = Path.Combine(dir, $"{stamp}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log");
                    File.WriteAllText(path, $"xsraid {command}: unexpected error at {DateTime.UtcNow:O}\n{e}\n");
                    return path;
                }
                catch (Exception io) when (io is IOException or UnauthorizedAccessException)
                {
                    // try the next place
                }
            }

            return null;
        }

        private static IEnumerable<string> Directories()
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            yield return Path.Combine(state, "xsraid", "errors");
            yield return Path.Combine(Path.GetTempPath(), "xsraid-errors");
        }
    }
}
