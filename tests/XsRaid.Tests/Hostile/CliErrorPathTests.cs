using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using XsRaid.Cli;
using XsRaid.Cli.Rendering;
using XsRaid.Tests.Support;
using Xunit.Abstractions;

namespace XsRaid.Tests.Hostile;

/// <summary>
/// The single top-level error path: an unexpected exception is one line naming the command and the log holding the
/// trace (exit 1), never System.CommandLine's "Unhandled exception"; SIGTERM and SIGINT end a command even while
/// it is blocked; a FIFO given as --probe-output no longer blocks the process.
/// </summary>
[Collection(HostileProcesses.Name)]
public sealed class CliErrorPathTests(ITestOutputHelper output)
{
    [Fact]
    public void UnexpectedExceptionIsOneLineNamingTheCommandAndTheLog()
    {
        var root = new RootCommand("test");
        var boom = new Command("boom", "throws");
        boom.SetAction((Func<ParseResult, int>)(_ => throw new InvalidOperationException("broken\nsecond line \u001b[31m")));
        root.Subcommands.Add(boom);
        var (io, error) = Io();

        var code = TopLevel.Invoke(root.Parse(["boom"]), io);

        code.ShouldBe(1);
        var text = error.ToString();
        text.Trim().Split('\n').Length.ShouldBe(1, text);
        text.ShouldStartWith("xsraid: boom: internal error (InvalidOperationException: broken); the details are in ");
        text.ShouldNotContain("Unhandled");
        text.ShouldNotContain("   at ");
        var log = text[(text.IndexOf("the details are in ", StringComparison.Ordinal) + "the details are in ".Length)..].Split(". Please")[0];
        try
        {
            File.ReadAllText(log).ShouldContain("   at ");
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void TerminalTextEscapesEveryControlAndOverrideCharacter()
    {
        TerminalText.Printable("a\u001b]0;t\u0007b\nc\td\re\u009bf\u202eg\u2066h\u007f").ShouldBe("a\\e]0;t\\x07b\\nc\\td\\re\\x9bf\\u{202E}g\\u{2066}h\\x7f");
        TerminalText.Printable("Local SR Ünïcødé ✓ [x]").ShouldBe("Local SR Ünïcødé ✓ [x]");
        TerminalText.Markup("[red]\u001b").ShouldBe("[[red]]\\e");
    }

    [Fact]
    public void FifoAsProbeOutputNoLongerBlocksAndTermEndsIt()
    {
        using var dir = new TempDir();
        var fifo = dir.File("probe.fifo");
        Tool.Run("mkfifo", fifo);
        // SIGTERM only if the command has not ended by itself within 30 s (a signal sent while the runtime starts
        // would end it before its handlers exist, whatever the FIFO did)
        var run = CliProcess.Run(["inspect", "--probe-output", fifo], TimeSpan.FromSeconds(60), pid =>
        {
            using var process = Process.GetProcessById(pid);
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                CliProcess.Signal(pid, "TERM");
            }
        });
        output.WriteLine($"exit {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s: {run.Stderr}");
        run.TimedOut.ShouldBeFalse("a FIFO blocked the process and SIGTERM did not end it");
        run.ExitCode.ShouldBe(1, run.Output);
        run.Stderr.ShouldContain("is a FIFO (named pipe), not a regular file");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task SignalEndsACommandBlockedOnASilentHost(string signal, int exitCode)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        var connected = new TaskCompletionSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptSocketAsync());
                    connected.TrySetResult();
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // the listener was stopped
            }
        });
        using var dir = new TempDir();
        var knownHosts = dir.File("known_hosts");
        File.WriteAllText(knownHosts, "");
        var key = dir.File("id_ed25519");
        Tool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        // The signal goes once the command is blocked on the silent host (its connection accepted), however slowly
        // the command started on a busy machine.
        var sinceSignal = new Stopwatch();
        var blocked = false;
        var run = CliProcess.Run(["inspect", "--host", $"root@127.0.0.1:{port}", "--known-hosts", knownHosts, "--identity", key],
            TimeSpan.FromSeconds(90), pid =>
            {
                blocked = connected.Task.Wait(TimeSpan.FromSeconds(60));
                sinceSignal.Start();
                CliProcess.Signal(pid, signal);
            });
        listener.Stop();
        await accepting;
        accepted.ForEach(s => s.Dispose());
        output.WriteLine($"exit {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s, {sinceSignal.Elapsed.TotalSeconds:0.0} s after the signal: {run.Stderr}");
        blocked.ShouldBeTrue("the command connected to the silent host within 60 s");
        run.TimedOut.ShouldBeFalse();
        run.Stderr.ShouldNotContain("no SSH session within", Case.Insensitive, "the signal, not the 20 s connect timeout, ended it");
        run.ExitCode.ShouldBe(exitCode, run.Output);
        run.Stderr.ShouldContain($"interrupted by SIG{signal}");
        run.Output.ShouldNotContain("   at ");
    }

    private static (CliIo Io, StringWriter Error) Io()
    {
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(new StringWriter()) });
        return (new CliIo(console, new StringWriter(), TerminalText.Guard(error)), error);
    }
}
