using System.Globalization;
using Spectre.Console;
using XsRaid.Execution;
using XsRaid.Hosts;

namespace XsRaid.Cli.Rendering;

/// <summary>How a `convert` run ended, for people: the failing command with its exit code, error output and what to do; a roll-back with what was learned; refusals and host changes.</summary>
public static class ConvertOutcomeRenderer
{
    public static void Render(IAnsiConsole console, ConvertOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case ConvertOutcomeKind.Completed:
                console.MarkupLine($"[green bold]Done[/]: {TerminalText.Markup(outcome.Message)}");
                break;
            case ConvertOutcomeKind.Refused:
                PlanRenderer.RenderRefusals(console, outcome.Refusals);
                break;
            case ConvertOutcomeKind.HostChanged:
                console.MarkupLine($"[red bold]Refused[/]: {TerminalText.Markup(outcome.Message)}");
                foreach (var change in outcome.Changes)
                {
                    console.MarkupLine($"  - {TerminalText.Markup(change)}");
                }

                break;
            case ConvertOutcomeKind.Failed when outcome.Failure is { } failure:
                Failure(console, failure);
                break;
            case ConvertOutcomeKind.RolledBack:
                Rollback(console, outcome);
                break;
            case ConvertOutcomeKind.Failed or ConvertOutcomeKind.HostKeyRefused:
                console.MarkupLine($"[red bold]Stopped[/]: {TerminalText.Markup(outcome.Message)}");
                break;
            default:
                console.MarkupLine(TerminalText.Markup(outcome.Message));
                break;
        }
    }

    private static void Failure(IAnsiConsole console, StepFailure f)
    {
        console.MarkupLine($"[red bold]Stopped[/] at step [bold]{TerminalText.Markup(f.Step.Id)}[/] ({TerminalText.Markup(f.Step.Title)}): {TerminalText.Markup(f.Problem)}");
        if (f.Argv is { } argv)
        {
            console.MarkupLine($"  command:   {TerminalText.Markup(ShellQuote.Join(argv))}");
        }

        if (f.ExitCode is { } code)
        {
            console.MarkupLine($"  exit code: {code.ToString(CultureInfo.InvariantCulture)}");
        }

        if (f.StderrTail.Length > 0)
        {
            console.MarkupLine("  stderr:");
            foreach (var line in f.StderrTail.Split('\n'))
            {
                console.MarkupLine("    " + TerminalText.Markup(line));
            }
        }

        console.MarkupLine($"  what to do: {TerminalText.Markup(f.Advice)}");
    }

    private static void Rollback(IAnsiConsole console, ConvertOutcome outcome)
    {
        console.MarkupLine($"[red bold]Rolled back[/]: {TerminalText.Markup(outcome.Message)}");
        if (outcome.Rollback is not { } r)
        {
            return;
        }

        console.MarkupLine($"  booted with:  {TerminalText.Markup(r.KernelCommandLine ?? "(unknown)")}");
        console.MarkupLine($"  / is on:      {TerminalText.Markup(r.RootDevice ?? "(unknown)")}");
        console.MarkupLine($"  booted at:    {(r.BootTime is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(unknown)")}");
        console.MarkupLine($"  one-shot:     {(r.OneShotPending switch { true => "still armed (never used)", false => "used or cleared", _ => "(unknown)" })}");
        if (r.PreviousBootLog is { } log)
        {
            console.MarkupLine("  previous boot's log (tail):");
            foreach (var line in log.Split('\n'))
            {
                console.MarkupLine("    " + TerminalText.Markup(line));
            }
        }
    }
}
