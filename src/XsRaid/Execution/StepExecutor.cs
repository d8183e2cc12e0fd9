using System.Diagnostics;
using System.Text;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Runs one plan step on the host: its done-check first (exit 0: "already done", nothing runs, the verification
/// still must hold), else its commands in order (standard input = the command's Stdin as UTF-8), then its
/// verification. The first failure stops the step with a <see cref="StepFailure"/>. Each step costs one remote
/// command per check and per journal line besides its own commands; monitors poll beside long steps.
/// The journal never makes a step skip: only the host does (see <see cref="ConvertRunner"/>).
/// </summary>
public sealed class StepExecutor
{
    private const int OutputLimit = 64 * 1024;
    private readonly IHost _host;
    private readonly Journal _journal;
    private readonly string _planId;
    private readonly IConvertEvents _events;
    private readonly TimeSpan _commandTimeout;
    private readonly IReadOnlyList<IStepMonitor> _monitors;

    /// <param name="commandTimeout">Limit for each command (the resync wait has none: its progress shows).</param>
    public StepExecutor(IHost host, Journal journal, string planId, IConvertEvents events, TimeSpan commandTimeout, IReadOnlyList<IStepMonitor>? monitors = null)
    {
        _host = host;
        _journal = journal;
        _planId = planId;
        _events = events;
        _commandTimeout = commandTimeout;
        _monitors = monitors ?? [];
    }

    public async Task<StepOutcome> RunAsync(PlanStep step, int number, int count, CancellationToken ct)
    {
        _events.On(new StepStarted(step, number, count));
        var start = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var output = new StringBuilder();
        StepOutcome outcome;
        try
        {
            outcome = await RunCoreAsync(step, start, watch, output, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await JournalAsync(JournalEntry.Finished(_planId, step, JournalResult.Failed, start, watch.Elapsed, OutputTail.Of(output.ToString()), "interrupted"), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var result = outcome.Result switch
        {
            StepResult.Done => JournalResult.Done,
            StepResult.AlreadyDone => JournalResult.Skipped,
            _ => JournalResult.Failed,
        };
        await JournalAsync(JournalEntry.Finished(_planId, step, result, start, outcome.Duration, OutputTail.Of(output.ToString()), outcome.Failure?.Problem), ct).ConfigureAwait(false);
        _events.On(new StepFinished(outcome, number, count));
        return outcome;
    }

    /// <summary>True when the step has a done-check and it holds (one remote command).</summary>
    public async Task<bool> IsDoneAsync(PlanStep step, CancellationToken ct) =>
        step.DoneWhen is { } done && (await RunAsync(done.Command, _commandTimeout, ct).ConfigureAwait(false)).Succeeded;

    private async Task<StepOutcome> RunCoreAsync(PlanStep step, DateTime start, Stopwatch watch, StringBuilder output, CancellationToken ct)
    {
        HostCommand? current = null;
        try
        {
            if (step.DoneWhen is { } done)
            {
                current = done.Command;
                if ((await RunAsync(done.Command, _commandTimeout, ct).ConfigureAwait(false)).Succeeded)
                {
                    current = step.Verify?.Command;
                    var failure = await VerifyAsync(step, output, alreadyDone: true, ct).ConfigureAwait(false);
                    return new StepOutcome(step, failure is null ? StepResult.AlreadyDone : StepResult.Failed, watch.Elapsed, failure);
                }
            }

            if (step.Commands.Count > 0)
            {
                await JournalAsync(new JournalEntry(_planId, step.Id, step.Phase, JournalResult.Started, start), ct).ConfigureAwait(false);
            }

            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var monitor = StartMonitor(step, monitoring.Token);
            try
            {
                foreach (var command in step.Commands)
                {
                    current = command;
                    var timeout = StepKinds.IsResyncWait(step) ? Timeout.InfiniteTimeSpan : _commandTimeout;
                    var result = await RunAsync(command, timeout, ct).ConfigureAwait(false);
                    Append(output, result);
                    if (!result.Succeeded)
                    {
                        return Fail(step, watch, $"`{Shown(command)}` exited {result.ExitCode}", command, result.ExitCode, result.Stderr, StepFailure.RerunAdvice);
                    }
                }
            }
            finally
            {
                await monitoring.CancelAsync().ConfigureAwait(false);
                await monitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            current = step.Verify?.Command;
            var verifyFailure = await VerifyAsync(step, output, alreadyDone: false, ct).ConfigureAwait(false);
            return new StepOutcome(step, verifyFailure is null ? StepResult.Done : StepResult.Failed, watch.Elapsed, verifyFailure);
        }
        catch (HostConnectionException e)
        {
            var advice = e is CommandTimeoutException
                ? "The command took too long; look at the host to see whether it still runs, then run `xsraid convert` again: it continues where it stopped."
                : "Check the host is up and reachable, then run `xsraid convert` again: it checks every step on the host and continues where it stopped.";
            return Fail(step, watch, e.Message, current, null, "", advice);
        }
    }

    private async Task<StepFailure?> VerifyAsync(PlanStep step, StringBuilder output, bool alreadyDone, CancellationToken ct)
    {
        if (step.Verify is not { } verify)
        {
            return null;
        }

        var result = await RunAsync(verify.Command, _commandTimeout, ct).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return null;
        }

        Append(output, result);
        var problem = alreadyDone
            ? $"its effect looked present ({step.DoneWhen!.Description}) but its check does not hold: {verify.Description}"
            : step.Commands.Count == 0 ? $"the check does not hold: {verify.Description}" : $"its commands ran but its check does not hold: {verify.Description}";
        return new StepFailure(step, problem, verify.Command.Argv, result.ExitCode, OutputTail.Of(result.Stderr),
            "Look at the host to see why the check fails (the command is shown above), fix it, then run `xsraid convert` again.");
    }

    private Task<CommandResult> RunAsync(HostCommand command, TimeSpan timeout, CancellationToken ct) =>
        _host.RunAsync(command.Argv, new CommandOptions(timeout, command.Stdin is null ? null : Encoding.UTF8.GetBytes(command.Stdin)), ct);

    private Task StartMonitor(PlanStep step, CancellationToken ct) =>
        _monitors.FirstOrDefault(m => m.Watches(step)) is { } monitor
            ? Task.Run(() => monitor.WatchAsync(step, _host, _events, ct), CancellationToken.None)
            : Task.CompletedTask;

    private async Task JournalAsync(JournalEntry entry, CancellationToken ct)
    {
        if (await _journal.AppendAsync(entry, ct).ConfigureAwait(false) is { } problem)
        {
            _events.On(new ConvertWarning(problem));
        }
    }

    private static StepOutcome Fail(PlanStep step, Stopwatch watch, string problem, HostCommand? command, int? exitCode, string stderr, string advice) =>
        new(step, StepResult.Failed, watch.Elapsed, new StepFailure(step, problem, command?.Argv, exitCode, OutputTail.Of(stderr), advice));

    private static void Append(StringBuilder output, CommandResult result)
    {
        output.Append(result.StdoutText).Append(result.Stderr);
        if (output.Length > OutputLimit)
        {
            output.Remove(0, output.Length - OutputLimit);
        }
    }

    /// <summary>A command as a short one-liner for messages: a sh snippet is named by its arguments, not its text.</summary>
    public static string Shown(HostCommand command)
    {
        var argv = command.Argv;
        var line = argv.Count >= 3 && argv[0] == "sh" && argv[1] == "-c"
            ? "sh -c '...'" + (argv.Count > 4 ? " " + ShellQuote.Join(argv.Skip(4)) : "")
            : ShellQuote.Join(argv);
        return line.Length <= 200 ? line : line[..200] + "...";
    }
}
