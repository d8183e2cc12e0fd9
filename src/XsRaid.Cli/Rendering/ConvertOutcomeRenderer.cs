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
                console.MarkupLine($"[green bold]Done[/]: {Markup.Escape(outcome.Message)}");
                break;
            case ConvertOutcomeKind.Refused:
                PlanRenderer.RenderRefusals(console, outcome.Refusals);
                break;
            case ConvertOutcomeKind.HostChanged:
                console.MarkupLine($"[red bold]Refused[/]: {Markup.Escape(outcome.Message)}");
                foreach (var change in outcome.Changes)
                {
                    console.MarkupLine($"  - {Markup.Escape(change)}");
                }

                break;
            case ConvertOutcomeKind.Failed when outcome.Failure is { } failure:
                Failure(console, failure);
                break;
            case ConvertOutcomeKind.RolledBack:
                Rollback(console, outcome);
                break;
            case ConvertOutcomeKind.Failed or ConvertOutcomeKind.HostKeyRefused:
                console.MarkupLine($"[red bold]Stopped[/]: {Markup.Escape(outcome.Message)}");
                break;
            default:
                console.MarkupLine(Markup.Escape(outcome.Message));
                break;
        }
    }

    private static void Failure(IAnsiConsole console, StepFailure f)
    {
        console.MarkupLine($"[red bold]Stopped[/] at step [bold]{Markup.Escape(f.Step.Id)}[/] ({Markup.Escape(f.Step.Title)}): {Markup.Escape(f.Problem)}");
        if (f.Argv is { } argv)
        {
            console.MarkupLine($"  command:   {Markup.Escape(ShellQuote.Join(argv))}");
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
                console.MarkupLine("    " + Markup.Escape(line));
            }
        }

        console.MarkupLine($"  what to do: {Markup.Escape(f.Advice)}");
    }

    private static void Rollback(IAnsiConsole console, ConvertOutcome outcome)
    {
        console.MarkupLine($"[red bold]Rolled back[/]: {Markup.Escape(outcome.Message)}");
        if (outcome.Rollback is not { } r)
        {
            return;
        }

        console.MarkupLine($"  booted with:  {Markup.Escape(r.KernelCommandLine ?? "(unknown)")}");
        console.MarkupLine($"  / is on:      {Markup.Escape(r.RootDevice ?? "(unknown)")}");
        console.MarkupLine($"  booted at:    {(r.BootTime is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(unknown)")}");
        console.MarkupLine($"  one-shot:     {(r.OneShotPending switch { true => "still armed (never used)", false => "used or cleared", _ => "(unknown)" })}");
        if (r.PreviousBootLog is { } log)
        {
            console.MarkupLine("  previous boot's log (tail):");
            foreach (var line in log.Split('\n'))
            {
                console.MarkupLine("    " + Markup.Escape(line));
            }
        }
    }
}
