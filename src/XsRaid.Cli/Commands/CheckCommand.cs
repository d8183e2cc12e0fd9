using System.CommandLine;
using XsRaid.Cli.Rendering;
using XsRaid.Health;

namespace XsRaid.Cli.Commands;

/// <summary>
/// `xsraid check (--host ...|--local|--snapshot DIR|--sample NAME|--probe-output FILE) [--json] [--prometheus FILE]
/// [--expect-none]`: read-only, one probe; exits as a monitoring plugin does (0 OK, 1 WARNING, 2 CRITICAL,
/// 3 UNKNOWN), also when the host cannot be probed (UNKNOWN). Command-line mistakes stay usage errors (exit 2).
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var source = new HostSourceOptions();
        var json = new Option<bool>("--json") { Description = "The verdict, arrays and findings as JSON (stable field names)" };
        var prometheus = new Option<string?>("--prometheus") { Description = "Also write the metrics for node_exporter's textfile collector to FILE (FILE.tmp, then renamed)" };
        var expectNone = new Option<bool>("--expect-none") { Description = "A host without md arrays is OK (UNKNOWN otherwise)" };
        var command = new Command("check", "Check the md mirror's health (read-only, one probe); exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN")
        {
            json, prometheus, expectNone,
        };
        source.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var errors = new StringWriter();
            var (snapshot, _) = await source.AcquireAsync(parse, io with { Error = errors }, ct).ConfigureAwait(false);
            io.Error.Write(errors.ToString());
            var report = snapshot is null
                ? HealthCheck.NoSnapshot(Reason(errors.ToString()))
                : HealthCheck.Check(snapshot, new CheckOptions(parse.GetValue(expectNone)));
            io.Out.Write(parse.GetValue(json) ? CheckJsonRenderer.Render(report) : CheckTextRenderer.Render(report));
            if (parse.GetValue(prometheus) is { } file)
            {
                try
                {
                    CheckPrometheusRenderer.Write(file, report);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    io.Error.WriteLine($"xsraid: cannot write the metrics to {file}: {e.Message}");
                    return (int)CheckState.Unknown;
                }
            }

            return (int)report.State;
        });
        return command;
    }

    private static string Reason(string error)
    {
        var line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "the host could not be probed";
        return line.StartsWith("xsraid: ", StringComparison.Ordinal) ? line["xsraid: ".Length..] : line;
    }
}
