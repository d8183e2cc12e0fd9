using System.CommandLine;
using Spectre.Console;
using XsRaid.Cli.Rendering;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Cli.Commands;

/// <summary>`xsraid snapshot (--host ...|--local|...) --save DIR [--compress] [--json]`: what the probe sees, as plain files.</summary>
public static class SnapshotCommand
{
    public static Command Create(CliIo io)
    {
        var source = new HostSourceOptions();
        var save = new Option<string>("--save") { Description = "Directory to write the snapshot into", Required = true };
        var compress = new Option<bool>("--compress") { Description = "gzip the captured disk bytes (as the built-in samples are)" };
        var json = new Option<bool>("--json") { Description = "Print what was saved as one JSON document" };
        var command = new Command("snapshot", "Probe a host (read-only, one SSH round trip) and save what it saw") { save, compress, json };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (snapshot, code) = await source.AcquireAsync(parse, io, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                return code;
            }

            var dir = parse.GetValue(save)!;
            SnapshotStore.Save(snapshot, dir, parse.GetValue(compress));
            if (parse.GetValue(json))
            {
                io.Out.WriteLine(CliJson.Serialize(SnapshotSaved.Of(snapshot, dir, parse.GetValue(compress))));
                return ExitCodes.Ok;
            }

            io.Console.MarkupLine($"Saved the snapshot of [bold]{Markup.Escape(snapshot.HostName)}[/] " +
                $"({snapshot.Disks.Count} disk(s), {snapshot.Files.Count} file(s)) to {Markup.Escape(dir)}");
            foreach (var disk in snapshot.Disks.Where(d => d.UnreadableReason is not null))
            {
                io.Console.MarkupLine($"[yellow]note:[/] {Markup.Escape(disk.DevicePath)} could not be read: {Markup.Escape(disk.UnreadableReason!)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
