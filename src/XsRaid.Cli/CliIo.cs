using Spectre.Console;

namespace XsRaid.Cli;

/// <summary>
/// Where a command writes: <see cref="Console"/> for human output (tables, trees), <see cref="Out"/> for machine
/// output (JSON, scripts) that must not be wrapped or coloured, <see cref="Error"/> for one-line error messages.
/// </summary>
public sealed record CliIo(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    /// <summary>The real terminal; plain (no colour, ASCII borders) when output is not a TTY.</summary>
    public static CliIo ForProcess()
    {
        var plain = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (plain)
        {
            console.Profile.Capabilities.Unicode = false;
            console.Profile.Width = 160;
        }

        return new CliIo(console, System.Console.Out, System.Console.Error);
    }
}
