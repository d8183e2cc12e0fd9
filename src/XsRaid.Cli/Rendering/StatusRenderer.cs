using System.Globalization;
using Spectre.Console;
using XsRaid.Execution;

namespace XsRaid.Cli.Rendering;

/// <summary>`xsraid status`: where a conversion stands (stage, steps done, the last step, what stopped it), then the arrays' health.</summary>
public static class StatusRenderer
{
    public static void Render(IAnsiConsole console, ConversionStatus status)
    {
        if (status.Saved is not { } saved)
        {
            console.MarkupLine($"[bold]{TerminalText.Markup(status.HostName)}[/]: no conversion by xsraid on this host; / is on {TerminalText.Markup(status.RootDevice ?? "an unknown device")}.");
        }
        else
        {
            var plan = saved.Plan;
            console.MarkupLine($"[bold]Conversion of {TerminalText.Markup(status.HostName)}[/]: {TerminalText.Markup(plan.Source.Device)} ({TerminalText.Markup(plan.Source.BestName)}) + "
                + $"{TerminalText.Markup(plan.Target.Device)} ({TerminalText.Markup(plan.Target.BestName)}) -> RAID1, md metadata {TerminalText.Markup(plan.Metadata)}");
            console.MarkupLine($"  started:   {Time(saved.Started)}");
            console.MarkupLine($"  stage:     {TerminalText.Markup(Stage(status))}");
            console.MarkupLine($"  steps:     {status.StepsDone.ToString(CultureInfo.InvariantCulture)} of {status.StepCount.ToString(CultureInfo.InvariantCulture)} done or found done");
            if (status.Last is { } last)
            {
                console.MarkupLine($"  last step: {TerminalText.Markup(Entry(status, last))}");
            }

            if (status.Stopped is { } stopped)
            {
                console.MarkupLine($"  [red]{TerminalText.Markup(Stopped(stopped, status.RunningCommand is not null))}[/]");
                if (stopped is { Result: JournalResult.Failed, Output.Length: > 0 })
                {
                    console.MarkupLine($"  output:    {TerminalText.Markup(stopped.Output.Split('\n')[^1])}");
                }
            }
        }

        if (status.RunningCommand is { } running)
        {
            console.MarkupLine($"  running:   pid {TerminalText.Markup(running)}");
            console.MarkupLine("             (a step command on the host: a convert runs now, or an interrupted one left it; the next convert waits for it to end)");
        }

        if (status.Problem is { } problem)
        {
            console.MarkupLine($"[yellow]note:[/] {TerminalText.Markup(problem)}");
        }

        console.WriteLine();
        if (status.Arrays.Count == 0)
        {
            console.MarkupLine("No md arrays run on this host.");
            return;
        }

        var table = new Table().Border(Borders.For(console)).Title("md arrays (/proc/mdstat)");
        foreach (var column in new[] { "array", "level", "members", "disks", "state" })
        {
            table.AddColumn(column);
        }

        foreach (var a in status.Arrays)
        {
            var state = ConvertLines.Array(a)[(a.Name.Length + 1)..];
            table.AddRow(
                TerminalText.Markup(a.Name),
                TerminalText.Markup(a.Level ?? ""),
                TerminalText.Markup(string.Join(" ", a.Members)),
                TerminalText.Markup(a.DiskStatus ?? ""),
                a.State == ArrayHealthState.Clean ? TerminalText.Markup(state) : $"[yellow]{TerminalText.Markup(state)}[/]");
        }

        console.Write(table);
    }

    private static string Stage(ConversionStatus s) => s.Stage switch
    {
        ConversionStage.BuildingMirror => $"phase 1: / is on {s.RootDevice ?? "?"}; the mirror is built on {s.Saved!.Plan.Target.Device}",
        ConversionStage.JoiningMirror => $"phase 2: / runs from {s.Saved!.Plan.RootArray}; {s.Saved.Plan.Source.Device} joins the mirror",
        ConversionStage.Complete => $"complete: / runs from {s.Saved!.Plan.RootArray}, every step done",
        _ => "none",
    };

    private static string Entry(ConversionStatus s, JournalEntry e)
    {
        var title = s.StepOf(e)?.Title is { } t ? $" ({t})" : "";
        var result = e.Result switch
        {
            JournalResult.Started => "started",
            JournalResult.Done => "done",
            JournalResult.Skipped => "found done",
            JournalResult.Failed => "failed",
            _ => "rolled back",
        };
        var when = e.End is { } end ? $" at {Time(end)}" : $" at {Time(e.Start)}";
        var took = e.Seconds is { } seconds ? $" in {Durations.Human(TimeSpan.FromSeconds(seconds))}" : "";
        return $"{e.Step}{title}: {result}{when}{took}";
    }

    private static string Stopped(JournalEntry e, bool commandRuns) => e.Result switch
    {
        JournalResult.Started when commandRuns => $"step {e.Step} started at {Time(e.Start)} and has not ended: its command still runs on the host (below).",
        JournalResult.Started => $"step {e.Step} started at {Time(e.Start)} and has not ended: it runs now, or xsraid was interrupted (run convert again to continue).",
        JournalResult.RolledBack => $"rolled back at {Time(e.End ?? e.Start)}: {e.Detail} Run convert again once the cause is fixed.",
        _ => $"step {e.Step} failed at {Time(e.End ?? e.Start)} ({e.Detail ?? "no detail"}); run convert again once the cause is fixed.",
    };

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
