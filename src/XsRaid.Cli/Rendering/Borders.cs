using Spectre.Console;

namespace XsRaid.Cli.Rendering;

/// <summary>Rounded box drawing on a terminal that can show it, plain ASCII otherwise (pipes, logs, `plan | less`).</summary>
public static class Borders
{
    public static TableBorder For(IAnsiConsole console) =>
        console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii;
}
