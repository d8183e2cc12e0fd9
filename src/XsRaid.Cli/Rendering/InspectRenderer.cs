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
                $"[bold]{Markup.Escape(disk.Path)}[/]  {Sizes.Human(disk.SizeBytes)} ({disk.SizeBytes} bytes), " +
                $"{disk.LogicalSectorSize}-byte sectors, boot code: {Markup.Escape(disk.BootCode)}, " +
                $"table: {Markup.Escape(table.Type ?? "none")}{(table.DiskGuid is null ? "" : " " + Markup.Escape(table.DiskGuid))}");
            console.MarkupLine($"  whole disk: {Markup.Escape(ContentText.Describe(disk.Content))}");
            foreach (var finding in table.Findings)
            {
                console.MarkupLine($"  [yellow]finding:[/] {Markup.Escape(finding)}");
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
                Markup.Escape($"{p.TypeCode} {p.TypeName}"),
                Markup.Escape(p.Name),
                p.LegacyBiosBootable ? "yes" : "",
                Markup.Escape(ContentText.Describe(p.Content)));
        }

        return grid;
    }
}
