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
            Description = "Block devices or image files holding a whole disk",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(UnknownOptions.Reject);
        var command = new Command("inspect", "Show disks, partitions, signatures and md members of devices or images")
        {
            json,
            paths,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(json), io));
        return command;
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

        if (json)
        {
            io.Out.WriteLine(InspectionJson.Serialize(new InspectionDocument(reports)));
        }
        else
        {
            InspectRenderer.Render(io.Console, reports);
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    /// <summary>The error without repeating the path when the failing structure is the device itself.</summary>
    private static string Describe(string path, XsRaid.Formats.FormatError error) =>
        error.Structure == path ? error.Problem : error.ToString();
}
