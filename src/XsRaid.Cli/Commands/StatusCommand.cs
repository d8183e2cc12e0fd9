using System.CommandLine;
using XsRaid.Cli.Rendering;
using XsRaid.Execution;
using XsRaid.Hosts;

namespace XsRaid.Cli.Commands;

/// <summary>`xsraid status (--host ...|--local) [--json]`: where a conversion stands on the host, then its md arrays' health.</summary>
public static class StatusCommand
{
    public static Command Create(CliIo io)
    {
        var source = new HostSourceOptions();
        var json = new Option<bool>("--json") { Description = "The same as JSON (stable field names)" };
        var command = new Command("status", "Show where a conversion stands on a host and the health of its md arrays") { json };
        source.AddLiveHostTo(command, "reads");
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var host = await source.ConnectAsync(parse, ct).ConfigureAwait(false);
                var status = await StatusReader.ReadAsync(host, HostStateLocation.Default, StepCommandTracker.DefaultPidFile, ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    io.Out.Write(StatusJsonRenderer.Render(status));
                }
                else
                {
                    StatusRenderer.Render(io.Console, status);
                }
                return ExitCodes.Ok;
            }
            catch (HostConnectionException e)
            {
                io.Error.WriteLine($"xsraid: {e.Message}");
                return HostFailures.ExitCodeFor(e);
            }
        });
        return command;
    }
}
