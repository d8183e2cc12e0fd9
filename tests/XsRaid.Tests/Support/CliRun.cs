using Spectre.Console;
using XsRaid.Cli;

namespace XsRaid.Tests.Support;

/// <summary>Runs the real CLI in-process with captured output: a plain 220-column console, stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Console, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var console = new StringWriter();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 220;
        ansi.Profile.Capabilities.Unicode = false;
        var code = CliApp.Run(args, new CliIo(ansi, stdout, stderr));
        return new CliRun(code, console.ToString(), stdout.ToString(), stderr.ToString());
    }
}
