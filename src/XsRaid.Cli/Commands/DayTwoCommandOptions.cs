using System.CommandLine;
using Spectre.Console;
using XsRaid.Cli.Rendering;
using XsRaid.DayTwo;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Cli.Commands;

/// <summary>
/// What `replace`, `heal` and `alerts` share: the host (a live one runs the plan; --snapshot, --sample and
/// --probe-output only show it, as --script does), --yes, --json, --script, --journal, and the run itself: plan,
/// show, confirm, check the host again, carry out with the conversion's executor, render as `convert` does.
/// </summary>
public sealed class DayTwoCommandOptions
{
    private readonly Command _command;

    public DayTwoCommandOptions(Command command)
    {
        _command = command;
        foreach (var option in new Option[] { Yes, Json, Script, Journal })
        {
            command.Options.Add(option);
        }

        Source.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(Json) && r.GetValue(Script))
            {
                r.AddError("choose --json or --script, not both");
            }

            var live = r.GetValue(Source.Host) is not null || r.GetValue(Source.Local);
            if (live && r.GetValue(Json) && !r.GetValue(Script) && !r.GetValue(Yes))
            {
                r.AddError("--json on a live host is for scripts, which cannot answer the confirmation: pass --yes too");
            }
        });
    }

    public HostSourceOptions Source { get; } = new();

    public Option<bool> Yes { get; } = new("--yes") { Description = "Do not ask: carry the plan out (needed when not on a terminal)" };

    public Option<bool> Json { get; } = new("--json") { Description = "The plan as JSON (snapshot or --script), or JSON-lines events while it runs (live host, with --yes)" };

    public Option<bool> Script { get; } = new("--script") { Description = "Only show the plan, as an annotated bash script" };

    public Option<string?> Journal { get; } = new("--journal") { Description = "Local journal file (default ~/.local/state/xsraid/HOST/COMMAND-journal.jsonl)" };

    /// <summary>Plans from a fresh probe and, on a live host, carries the plan out; <paramref name="confirmDisk"/> names the disk the user confirms (null: "yes").</summary>
    public async Task<int> RunAsync(ParseResult parse, CliIo io, Func<HostFacts, DayTwoResult> planner, Func<DayTwoPlan, DiskIdentity?> confirmDisk, CancellationToken ct)
    {
        var live = parse.GetValue(Source.Host) is not null || parse.GetValue(Source.Local);
        if (!live || parse.GetValue(Script))
        {
            return await ShowAsync(parse, io, planner, ct).ConfigureAwait(false);
        }

        var yes = parse.GetValue(Yes);
        if (!yes && !io.Console.Profile.Capabilities.Interactive)
        {
            io.Error.WriteLine($"xsraid: {_command.Name} changes the host and asks you to confirm first, but this is not an interactive terminal: pass --yes to carry the plan out without asking.");
            return ExitCodes.Usage;
        }

        using var host = await Source.ConnectAsync(parse, ct).ConfigureAwait(false);
        var journalPath = parse.GetValue(Journal) ?? Path.Combine(Path.GetDirectoryName(Execution.Journal.DefaultPath(host.Name))!, $"{_command.Name}-journal.jsonl");
        var logPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(journalPath))!, $"{_command.Name}.log");
        using var log = ConvertLog.Open(logPath);
        log.Write($"xsraid {_command.Name} on {host.Name}, journal {journalPath}");
        var json = parse.GetValue(Json);
        var jsonEvents = json ? new ConvertJsonRenderer(io.Out, log) : null;
        using var consoleEvents = json ? null : new ConvertConsoleRenderer(io.Console, log);
        IConvertEvents events = (IConvertEvents?)jsonEvents ?? consoleEvents!;
        var runner = new DayTwoRunner(new LoggingHost(host, log), new ConvertSettings(journalPath), events);
        var (_, prepared) = await runner.PrepareAsync(planner, ct).ConfigureAwait(false);
        ConvertOutcome outcome;
        if (prepared.IsRefused)
        {
            outcome = new ConvertOutcome(ConvertOutcomeKind.Refused, "refused: nothing was written to any disk.") { Refusals = prepared.Refusals };
        }
        else
        {
            var plan = prepared.Plan!;
            if (!yes)
            {
                DayTwoPlanRenderer.Render(io.Console, plan);
                if (plan.Steps.Count > 0 && !Confirmed(io.Console, confirmDisk(plan)))
                {
                    io.Error.WriteLine("xsraid: not confirmed; nothing was written.");
                    return ExitCodes.Failure;
                }
            }

            outcome = plan.Steps.Count == 0
                ? new ConvertOutcome(ConvertOutcomeKind.Completed, $"{plan.HostName}: nothing to do, every check holds.")
                : await runner.RunAsync(plan, planner, recheck: !yes, ct).ConfigureAwait(false);
        }

        var code = ConvertCommand.ExitCodeOf(outcome.Kind);
        return ConvertCommand.ReportOutcome(io, outcome, code, jsonEvents, consoleEvents, log);
    }

    private async Task<int> ShowAsync(ParseResult parse, CliIo io, Func<HostFacts, DayTwoResult> planner, CancellationToken ct)
    {
        var (snapshot, code) = await Source.AcquireAsync(parse, io, ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return code;
        }

        var result = planner(HostFactsReader.Read(snapshot));
        var script = parse.GetValue(Script);
        if (parse.GetValue(Json))
        {
            io.Out.WriteLine(DayTwoJson.Serialize(result));
        }
        else if (result.IsRefused)
        {
            if (!script)
            {
                PlanRenderer.RenderRefusals(io.Console, result.Refusals);
            }
        }
        else if (script)
        {
            io.Out.Write(DayTwoScriptRenderer.Render(result.Plan!));
        }
        else
        {
            DayTwoPlanRenderer.Render(io.Console, result.Plan!);
        }

        if (result.IsRefused && !parse.GetValue(Json))
        {
            foreach (var refusal in result.Refusals)
            {
                io.Error.WriteLine($"xsraid: refused ({refusal.Rule}): {refusal.Message}");
            }
        }

        return result.IsRefused ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private static bool Confirmed(IAnsiConsole console, DiskIdentity? disk)
    {
        if (disk is not null)
        {
            return ConvertCommand.Confirmed(console, disk);
        }

        var answer = console.Prompt(new TextPrompt<string>("Carry these steps out? Type yes to go on:").AllowEmpty());
        return answer.Trim() == "yes";
    }
}
