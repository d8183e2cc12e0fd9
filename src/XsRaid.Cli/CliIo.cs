using Spectre.Console;

namespace XsRaid.Cli;

/// <summary>
/// Where a command writes: <see cref="Console"/> for human output (tables, trees), <see cref="Out"/> for machine
/// output (JSON, scripts) that must not be wrapped or coloured, <see cref="Error"/> for one-line error messages.
/// </summary>
public sealed record CliIo(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    /// <summary>Width of plain output: wide enough that no line is ever wrapped (a pipe or a log has no width).</summary>
    public const int PlainWidth = 4096;

    /// <summary>The real terminal; plain when stdout is not a terminal or NO_COLOR is set.</summary>
    public static CliIo ForProcess() => For(
        System.Console.Out, System.Console.Error, System.Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// Plain output (no escape sequences at all: no colour, no progress bars, which need cursor moves; ASCII borders;
    /// no wrapping) when <paramref name="outputRedirected"/> or <paramref name="noColor"/> is set and not empty
    /// (https://no-color.org). With NO_COLOR on a terminal, questions are still asked (convert's confirmation).
    /// </summary>
    public static CliIo For(TextWriter output, TextWriter error, bool outputRedirected, string? noColor)
    {
        var plain = IsPlain(outputRedirected, noColor);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = outputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        if (plain)
        {
            console.Profile.Capabilities.Unicode = false;
            console.Profile.Width = PlainWidth;
        }

        return new CliIo(console, output, error);
    }

    public static bool IsPlain(bool outputRedirected, string? noColor) => outputRedirected || !string.IsNullOrEmpty(noColor);
}
