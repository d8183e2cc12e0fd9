using System.CommandLine;
using XsRaid.Cli.Rendering;
using XsRaid.Planning;

namespace XsRaid.Cli.Commands;

/// <summary>`xsraid plan (--host ...|--snapshot DIR|--sample NAME) --target DISK [...] [--json|--script]`.</summary>
public static class PlanCommand
{
    public static Command Create(CliIo io)
    {
        var source = new HostSourceOptions();
        var plan = new PlanArguments();
        var json = new Option<bool>("--json") { Description = "The plan as JSON (stable field names, argv arrays)" };
        var script = new Option<bool>("--script") { Description = "The plan as an annotated bash script" };
        var command = new Command("plan", "Show the exact steps that would make the host a RAID1 mirror (nothing is written)") { json, script };
        plan.AddTo(command);
        source.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(script))
            {
                r.AddError("choose --json or --script, not both");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var (snapshot, code) = await source.AcquireAsync(parse, io, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                return code;
            }

            var result = ConvertPlanner.Plan(HostFactsReader.Read(snapshot), plan.Options(parse));
            if (parse.GetValue(json))
            {
                io.Out.WriteLine(PlanJson.Serialize(result));
            }
            else if (result.IsRefused)
            {
                // --script writes a script or nothing: stdout may be piped to bash, so the refusal goes to stderr only
                if (!parse.GetValue(script))
                {
                    PlanRenderer.RenderRefusals(io.Console, result.Refusals);
                }
            }
            else if (parse.GetValue(script))
            {
                io.Out.Write(PlanScriptRenderer.Render(result.Plan!));
            }
            else
            {
                PlanRenderer.Render(io.Console, result.Plan!);
            }

            if (result.IsRefused && !parse.GetValue(json))
            {
                foreach (var refusal in result.Refusals)
                {
                    io.Error.WriteLine($"xsraid: refused ({refusal.Rule}): {refusal.Message}");
                }
            }

            return result.IsRefused ? ExitCodes.Refused : ExitCodes.Ok;
        });
        return command;
    }
}
