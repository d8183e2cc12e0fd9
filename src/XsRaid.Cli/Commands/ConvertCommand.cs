using System.CommandLine;
using Spectre.Console;
using XsRaid.Cli.Rendering;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Cli.Commands;

/// <summary>
/// `xsraid convert (--host ...|--local) --target DISK [plan options] [--yes] [--no-wait] [--reboot-timeout S]
/// [--journal PATH] [--log PATH] [--json]`: carries the plan out. Without --yes it shows the plan and asks for the
/// target's serial or by-id name. Exit 0 done (or resync left running, or this machine rebooting), 1 failure or
/// roll-back, 2 usage, 3 refused (a safety rule, the host changed since the plan was shown, a changed host key).
/// </summary>
public static class ConvertCommand
{
    public static Command Create(CliIo io)
    {
        var source = new HostSourceOptions();
        var plan = new PlanArguments();
        var yes = new Option<bool>("--yes") { Description = "Do not ask: carry the plan out (needed when not on a terminal)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the original disk's partitions are added; `xsraid status` shows the resync" };
        var rebootTimeout = new Option<int>("--reboot-timeout")
        {
            Description = "Seconds the host may take to reboot and answer SSH again",
            DefaultValueFactory = _ => (int)ConvertSettings.DefaultRebootTimeout.TotalSeconds,
        };
        var journal = new Option<string?>("--journal") { Description = "Local journal file (default ~/.local/state/xsraid/HOST/journal.jsonl)" };
        var log = new Option<string?>("--log") { Description = "Local log of every command and its output (default: convert.log beside the journal)" };
        var json = new Option<bool>("--json") { Description = "JSON-lines events on stdout for scripts (needs --yes)" };
        var command = new Command("convert", "Carry the plan out on a live host: build the mirror, reboot into it once, join the original disk")
        {
            yes, noWait, rebootTimeout, journal, log, json,
        };
        plan.AddTo(command);
        source.AddLiveHostTo(command, "needs");
        command.Validators.Add(r =>
        {
            if (r.GetResult(rebootTimeout) is { Implicit: false } given && given.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--reboot-timeout must be a positive number of seconds");
            }

            if (r.GetValue(json) && !r.GetValue(yes))
            {
                r.AddError("--json is for scripts, which cannot answer the confirmation: pass --yes too");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes) && !io.Console.Profile.Capabilities.Interactive)
            {
                io.Error.WriteLine("xsraid: convert writes to disks and asks you to confirm the target first, but this is not an interactive terminal: pass --yes to carry the plan out without asking.");
                return ExitCodes.Usage;
            }

            var options = new ConvertCommandOptions(plan.Options(parse), parse.GetValue(yes), parse.GetValue(noWait),
                TimeSpan.FromSeconds(parse.GetValue(rebootTimeout)), parse.GetValue(journal), parse.GetValue(log), parse.GetValue(json));
            try
            {
                using var host = await source.ConnectAsync(parse, ct).ConfigureAwait(false);
                return await RunAsync(host, options, io, ct).ConfigureAwait(false);
            }
            catch (HostConnectionException e)
            {
                io.Error.WriteLine($"xsraid: {e.Message}");
                return HostFailures.ExitCodeFor(e);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                io.Error.WriteLine("xsraid: interrupted. Run the same `xsraid convert` again to continue: every step is checked on the host first.");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>Runs a conversion on a connected host (the command's action once the options are read).</summary>
    public static async Task<int> RunAsync(IHost host, ConvertCommandOptions options, CliIo io, CancellationToken ct)
    {
        var journalPath = options.JournalPath ?? Journal.DefaultPath(host.Name);
        var logPath = options.LogPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(journalPath))!, "convert.log");
        using var log = ConvertLog.Open(logPath);
        log.Write($"xsraid convert on {host.Name}: target {options.Plan.Target}, journal {journalPath}");
        var jsonEvents = options.Json ? new ConvertJsonRenderer(io.Out, log) : null;
        using var consoleEvents = options.Json ? null : new ConvertConsoleRenderer(io.Console, log);
        IConvertEvents events = (IConvertEvents?)jsonEvents ?? consoleEvents!;
        var settings = new ConvertSettings(journalPath) { RebootTimeout = options.RebootTimeout, NoWait = options.NoWait };
        var runner = new ConvertRunner(ConvertConnection.For(host, new LoggingHost(host, log)), settings, events);

        var prepared = await runner.PrepareAsync(options.Plan, ct).ConfigureAwait(false);
        if (!options.Json)
        {
            io.Console.MarkupLine($"Journal: {TerminalText.Markup(journalPath)}   log: {TerminalText.Markup(logPath)}");
        }

        if (!prepared.IsRefused && !options.Yes)
        {
            PlanRenderer.Render(io.Console, prepared.Plan!);
            if (prepared.Resuming)
            {
                io.Console.MarkupLine("[yellow]This host carries this conversion in progress: it continues where it stopped.[/]");
            }

            if (!Confirmed(io.Console, prepared.Plan!.Target))
            {
                io.Error.WriteLine("xsraid: not confirmed; nothing was written.");
                return ExitCodes.Failure;
            }
        }

        // without --yes the user read the plan and answered: the host is checked again before anything is written
        var outcome = await runner.RunAsync(prepared, ct, recheck: !options.Yes).ConfigureAwait(false);
        var code = ExitCodeOf(outcome.Kind);
        return ReportOutcome(io, outcome, code, jsonEvents, consoleEvents, log);
    }

    /// <summary>
    /// The end of a run carried out by the executor (convert, replace, heal, alerts): the outcome as a JSON line or
    /// on the console (after the progress display closes), refusals and failures on stderr; returns <paramref name="code"/>.
    /// </summary>
    internal static int ReportOutcome(CliIo io, ConvertOutcome outcome, int code, ConvertJsonRenderer? jsonEvents, ConvertConsoleRenderer? consoleEvents, ConvertLog log)
    {
        if (jsonEvents is not null)
        {
            jsonEvents.Outcome(outcome, code);
        }
        else
        {
            consoleEvents!.Dispose();
            log.Write($"outcome {outcome.Kind}: {outcome.Message}");
            ConvertOutcomeRenderer.Render(io.Console, outcome);
        }

        foreach (var refusal in outcome.Refusals)
        {
            io.Error.WriteLine($"xsraid: refused ({refusal.Rule}): {refusal.Message}");
        }

        if (code != ExitCodes.Ok && outcome.Refusals.Count == 0)
        {
            io.Error.WriteLine($"xsraid: {outcome.Message}");
        }

        return code;
    }

    public static int ExitCodeOf(ConvertOutcomeKind kind) => kind switch
    {
        ConvertOutcomeKind.Completed or ConvertOutcomeKind.ResyncRunning or ConvertOutcomeKind.RebootIssued => ExitCodes.Ok,
        ConvertOutcomeKind.Refused or ConvertOutcomeKind.HostChanged or ConvertOutcomeKind.HostKeyRefused => ExitCodes.Refused,
        _ => ExitCodes.Failure,
    };

    /// <summary>Asks for the target's serial or one of its by-id names (its device path when it has neither).</summary>
    public static bool Confirmed(IAnsiConsole console, DiskIdentity target)
    {
        var accepted = Accepted(target);
        var what = target.Serial is null && accepted.Count <= 1 ? "its device path" : "its serial number or a /dev/disk/by-id name";
        var answer = console.Prompt(new TextPrompt<string>($"All data on [bold]{TerminalText.Markup(target.Device)}[/] will be lost. To go on, type {what} (shown above):").AllowEmpty());
        return accepted.Contains(answer.Trim());
    }

    public static IReadOnlySet<string> Accepted(DiskIdentity target)
    {
        var names = target.ByIdNames.Where(n => !n.Contains("-part", StringComparison.Ordinal)).ToList();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        accepted.UnionWith(names);
        accepted.UnionWith(names.Select(n => "/dev/disk/by-id/" + n));
        if (target.Serial is { Length: > 0 } serial)
        {
            accepted.Add(serial);
        }

        if (accepted.Count == 0)
        {
            accepted.Add(target.Device);
        }

        return accepted;
    }
}
