using Spectre.Console;
using XsRaid.Inspection;

namespace XsRaid.Cli.Rendering;

/// <summary>Human output of `inspect`: a heading per disk and a table of its partitions.</summary>
public static class InspectRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<DiskReport> disks)
    {
        foreach (var disk in disks)
        {
            var table = disk.PartitionTable;
            console.MarkupLine(
                $"[bold]{TerminalText.Markup(disk.Path)}[/]  {Sizes.Human(disk.SizeBytes)} ({disk.SizeBytes} bytes), " +
                $"{disk.LogicalSectorSize}-byte sectors, boot code: {TerminalText.Markup(disk.BootCode)}, " +
                $"table: {TerminalText.Markup(table.Type ?? "none")}{(table.DiskGuid is null ? "" : " " + TerminalText.Markup(table.DiskGuid))}");
            console.MarkupLine($"  whole disk: {TerminalText.Markup(ContentText.Describe(disk.Content))}");
            foreach (var finding in table.Findings)
            {
                console.MarkupLine($"  [yellow]finding:[/] {TerminalText.Markup(finding)}");
            }

            if (table.Partitions.Count > 0)
            {
                console.Write(PartitionTable(console, table));
            }

            console.WriteLine();
        }
    }

    private static Table PartitionTable(IAnsiConsole console, PartitionTableReport table)
    {
        var grid = new Table().Border(Borders.For(console));
        foreach (var column in new[] { "#", "first LBA", "last LBA", "size", "type", "name", "boot", "content" })
        {
            grid.AddColumn(column);
        }

        foreach (var p in table.Partitions)
        {
            grid.AddRow(
                p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.FirstLba.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.LastLba.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Sizes.Human(p.SizeBytes),
                TerminalText.Markup($"{p.TypeCode} {p.TypeName}"),
                TerminalText.Markup(p.Name),
                p.LegacyBiosBootable ? "yes" : "",
                TerminalText.Markup(ContentText.Describe(p.Content)));
        }

        return grid;
    }
}
