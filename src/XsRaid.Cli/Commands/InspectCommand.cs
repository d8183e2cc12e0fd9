using System.CommandLine;
using XsRaid.Cli.Rendering;
using XsRaid.Devices;
using XsRaid.Inspection;

namespace XsRaid.Cli.Commands;

/// <summary>`xsraid inspect [--json] PATH...`: what is on each disk or disk image.</summary>
public static class InspectCommand
{
    public static Command Create(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Block devices or image files holding a whole disk (with a host: its disks to show, default all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var source = new HostSourceOptions();
        paths.Validators.Add(UnknownOptions.Reject);
        var command = new Command("inspect", "Show disks, partitions, signatures and md members of devices or images")
        {
            json,
            paths,
        };
        source.AddTo(command, required: false);
        command.Validators.Add(r =>
        {
            if (r.GetValue(paths) is not { Length: > 0 } && !source.IsGiven(r))
            {
                r.AddError("name at least one PATH, or a host (--host, --local, --snapshot, --probe-output, --sample)");
            }
        });
        command.SetAction(async (parse, ct) => source.IsGiven(parse)
            ? await RunOnHostAsync(source, parse, parse.GetValue(paths) ?? [], parse.GetValue(json), io, ct).ConfigureAwait(false)
            : Run(parse.GetValue(paths) ?? [], parse.GetValue(json), io));
        return command;
    }

    /// <summary>The disks of a host, inspected from the bytes its snapshot captured.</summary>
    public static async Task<int> RunOnHostAsync(HostSourceOptions source, ParseResult parse, IReadOnlyList<string> names, bool json, CliIo io, CancellationToken ct)
    {
        var (snapshot, code) = await source.AcquireAsync(parse, io, ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return code;
        }

        var failed = false;
        var reports = new List<DiskReport>();
        foreach (var name in names.Count == 0 ? snapshot.Disks.Select(d => d.DevicePath) : names)
        {
            if (snapshot.Disk(name) is not { } disk)
            {
                io.Error.WriteLine($"xsraid: {name}: {snapshot.HostName} has no such disk (disks: {string.Join(", ", snapshot.Disks.Select(d => d.DevicePath))})");
                failed = true;
                continue;
            }

            if (disk.UnreadableReason is not null)
            {
                io.Error.WriteLine($"xsraid: {disk.DevicePath}: could not be read on the host: {disk.UnreadableReason}");
                failed = true;
                continue;
            }

            var report = DiskInspector.Inspect(disk.AsBlockSource());
            if (report.IsOk)
            {
                reports.Add(KernelPartitionCheck.WithContradictions(disk, report.Value));
            }
            else
            {
                io.Error.WriteLine($"xsraid: {disk.DevicePath}: {report.Error}");
                failed = true;
            }
        }

        Print(reports, json, io);
        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    public static int Run(IReadOnlyList<string> paths, bool json, CliIo io)
    {
        var reports = new List<DiskReport>();
        var failed = false;
        foreach (var path in paths)
        {
            var opened = FileBlockSource.Open(path);
            if (!opened.IsOk)
            {
                io.Error.WriteLine($"xsraid: {path}: {opened.Error.Problem}");
                failed = true;
                continue;
            }

            using var source = opened.Value;
            var report = DiskInspector.Inspect(source);
            if (!report.IsOk)
            {
                io.Error.WriteLine($"xsraid: {path}: {Describe(path, report.Error)}");
                failed = true;
                continue;
            }

            reports.Add(report.Value);
        }

        Print(reports, json, io);
        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static void Print(List<DiskReport> reports, bool json, CliIo io)
    {
        if (json)
        {
            io.Out.WriteLine(InspectionJson.Serialize(new InspectionDocument(reports)));
        }
        else
        {
            InspectRenderer.Render(io.Console, reports);
        }
    }

    /// <summary>The error without repeating the path when the failing structure is the device itself.</summary>
    private static string Describe(string path, XsRaid.Formats.FormatError error) =>
        error.Structure == path ? error.Problem : error.ToString();
}
