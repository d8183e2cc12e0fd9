using System.Globalization;
using Spectre.Console;
using XsRaid.Planning;

namespace XsRaid.Cli.Rendering;

/// <summary>Human output of `plan`: the disks before and after, then the phases and steps, destructive ones marked.</summary>
public static class PlanRenderer
{
    public static void Render(IAnsiConsole console, ConversionPlan plan)
    {
        console.MarkupLine($"[bold]Conversion plan for {TerminalText.Markup(plan.HostName)}[/] ({TerminalText.Markup(plan.Platform)}), md metadata {TerminalText.Markup(plan.Metadata)}");
        console.MarkupLine($"  system disk: {TerminalText.Markup(Describe(plan.Source))}");
        console.MarkupLine($"  new disk:    {TerminalText.Markup(Describe(plan.Target))}");
        console.MarkupLine($"  new root:    {TerminalText.Markup(plan.RootArray)} as {TerminalText.Markup(plan.NewRootSpec)}");
        console.WriteLine();
        console.Write(Disks(console, plan));
        console.WriteLine();
        console.Write(Steps(console, plan));
        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[yellow]note:[/] {TerminalText.Markup(note)}");
        }

        console.MarkupLine("[bold]![/] = writes to a disk. Nothing is done by `plan`; `xsraid convert` carries it out.");
    }

    public static void RenderRefusals(IAnsiConsole console, IReadOnlyList<Refusal> refusals)
    {
        console.MarkupLine("[red bold]Refused[/]: nothing was written to any disk.");
        foreach (var r in refusals)
        {
            console.MarkupLine($"  [red]{TerminalText.Markup(r.Rule)}[/]: {TerminalText.Markup(r.Message)}");
            console.MarkupLine($"    way out: {TerminalText.Markup(r.WayOut)}");
        }
    }

    private static string Describe(DiskIdentity d) =>
        $"{d.Device}  {Sizes.Human(d.SizeBytes)}  {d.Model ?? "unknown model"}{(d.Serial is null ? "" : "  serial " + d.Serial)}  ({d.BestName})";

    private static Table Disks(IAnsiConsole console, ConversionPlan plan)
    {
        var table = new Table().Border(Borders.For(console)).Title("disks before -> after");
        table.AddColumn("partition");
        table.AddColumn(TerminalText.Markup($"before: {plan.Source.Device}"));
        table.AddColumn(TerminalText.Markup($"before: {plan.Target.Device}"));
        table.AddColumn(TerminalText.Markup($"after: {plan.Source.Device} + {plan.Target.Device}"));
        foreach (var array in plan.Arrays)
        {
            table.AddRow(
                array.PartitionNumber.ToString(CultureInfo.InvariantCulture),
                TerminalText.Markup($"{array.SourcePartition} {Sizes.Human(array.SizeBytes)} {array.SourceContent} ({array.Role})"),
                "(blank)",
                TerminalText.Markup($"{array.SourcePartition} + {array.TargetPartition} -> {array.Device} RAID1 ({array.Role})"));
        }

        return table;
    }

    private static Table Steps(IAnsiConsole console, ConversionPlan plan)
    {
        var table = new Table().Border(Borders.For(console)).Title("steps");
        foreach (var column in new[] { "#", "phase", "step", "", "what" })
        {
            table.AddColumn(column);
        }

        var n = 0;
        foreach (var step in plan.Steps)
        {
            n++;
            table.AddRow(
                n.ToString(CultureInfo.InvariantCulture),
                TerminalText.Markup(PhaseName(step.Phase)),
                TerminalText.Markup(step.Id),
                step.IsDestructive ? "[bold]![/]" : step.IsRebootPoint ? "[bold]R[/]" : "",
                TerminalText.Markup(step.Title + (step.Writes is null ? "" : $" (writes {step.Writes})")));
        }

        return table;
    }

    private static string PhaseName(PlanPhase phase) => phase switch
    {
        PlanPhase.BuildMirror => "1 build mirror",
        PlanPhase.Reboot => "reboot",
        PlanPhase.JoinMirror => "2 join mirror",
        _ => "3 storage",
    };
}
