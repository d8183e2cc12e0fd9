using System.Globalization;
using Spectre.Console;
using XsRaid.DayTwo;
using XsRaid.Planning;

namespace XsRaid.Cli.Rendering;

/// <summary>Human output of a day-2 plan (`replace`, `heal`, `alerts`): the disks, the arrays, the steps, the notes.</summary>
public static class DayTwoPlanRenderer
{
    public static void Render(IAnsiConsole console, DayTwoPlan plan)
    {
        console.MarkupLine($"[bold]{TerminalText.Markup(Title(plan.Command))} plan for {TerminalText.Markup(plan.HostName)}[/] ({TerminalText.Markup(plan.Platform)})");
        if (plan.Survivor is { } survivor)
        {
            console.MarkupLine($"  surviving disk: {TerminalText.Markup(Describe(survivor))}");
        }

        if (plan.NewDisk is { } newDisk)
        {
            console.MarkupLine($"  new disk:       {TerminalText.Markup(Describe(newDisk))}");
        }

        if (plan.Command == "replace")
        {
            console.MarkupLine($"  failed disk:    {TerminalText.Markup(plan.FailedDisk ?? "gone (its members are missing or detached)")}");
        }

        console.WriteLine();
        if (plan.Arrays.Count > 0)
        {
            var arrays = new Table().Border(Borders.For(console)).Title("arrays");
            foreach (var column in new[] { "array", "partition", "complete member", "leaves", "joins" })
            {
                arrays.AddColumn(column);
            }

            foreach (var a in plan.Arrays)
            {
                arrays.AddRow(TerminalText.Markup(a.Device), a.PartitionNumber.ToString(CultureInfo.InvariantCulture), TerminalText.Markup(a.SurvivorPartition),
                    TerminalText.Markup(a.FailedPartition ?? "-"), TerminalText.Markup(a.NewPartition));
            }

            console.Write(arrays);
            console.WriteLine();
        }

        if (plan.Steps.Count == 0)
        {
            console.MarkupLine("Nothing to do: every check holds.");
        }
        else
        {
            var table = new Table().Border(Borders.For(console)).Title("steps");
            foreach (var column in new[] { "#", "step", "", "what" })
            {
                table.AddColumn(column);
            }

            var n = 0;
            foreach (var step in plan.Steps)
            {
                n++;
                table.AddRow(n.ToString(CultureInfo.InvariantCulture), TerminalText.Markup(step.Id), step.IsDestructive ? "[bold]![/]" : "",
                    TerminalText.Markup(step.Title + (step.Writes is null ? "" : $" (writes {step.Writes})")));
            }

            console.Write(table);
        }

        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[yellow]note:[/] {TerminalText.Markup(note)}");
        }

        if (plan.Steps.Count > 0)
        {
            console.MarkupLine($"[bold]![/] = writes to a disk or an array. With a live host `xsraid {plan.Command}` carries it out (no reboot).");
        }
    }

    private static string Title(string command) => char.ToUpperInvariant(command[0]) + command[1..];

    private static string Describe(DiskIdentity d) =>
        $"{d.Device}  {Sizes.Human(d.SizeBytes)}  {d.Model ?? "unknown model"}{(d.Serial is null ? "" : "  serial " + d.Serial)}  ({d.BestName})";
}
