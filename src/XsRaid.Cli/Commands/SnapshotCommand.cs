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
        var force = new Option<bool>("--force") { Description = "Replace a snapshot already in DIR, as a whole (nothing else is ever overwritten)" };
        var json = new Option<bool>("--json") { Description = "Print what was saved as one JSON document" };
        var command = new Command("snapshot", "Probe a host (read-only, one SSH round trip) and save what it saw") { save, compress, force, json };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (SnapshotStore.CheckSaveTarget(parse.GetValue(save)!, parse.GetValue(force)) is { } refusal)
            {
                io.Error.WriteLine($"xsraid: {refusal.Problem}");
                return ExitCodes.Refused;
            }

            var (snapshot, code) = await source.AcquireAsync(parse, io, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                return code;
            }

            var dir = parse.GetValue(save)!;
            if (SnapshotStore.Save(snapshot, dir, parse.GetValue(compress), parse.GetValue(force)) is { } problem)
            {
                io.Error.WriteLine($"xsraid: {problem.Problem}");
                return problem.Refused ? ExitCodes.Refused : ExitCodes.Failure;
            }

            if (parse.GetValue(json))
            {
                io.Out.WriteLine(CliJson.Serialize(SnapshotSaved.Of(snapshot, dir, parse.GetValue(compress))));
                return ExitCodes.Ok;
            }

            io.Console.MarkupLine($"Saved the snapshot of [bold]{TerminalText.Markup(snapshot.HostName)}[/] " +
                $"({snapshot.Disks.Count} disk(s), {snapshot.Files.Count} file(s)) to {TerminalText.Markup(dir)}");
            foreach (var disk in snapshot.Disks.Where(d => d.UnreadableReason is not null))
            {
                io.Console.MarkupLine($"[yellow]note:[/] {TerminalText.Markup(disk.DevicePath)} could not be read: {TerminalText.Markup(disk.UnreadableReason!)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
