using System.Diagnostics;
using System.Text;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Runs one plan step on the host: its done-check first (exit 0: "already done", nothing runs, the verification
/// still must hold), else its commands in order (standard input = the command's Stdin as UTF-8), then its
/// verification. The first failure stops the step with a <see cref="StepFailure"/>. The journal lines ride on the
/// checks (<see cref="Journal.RunAsync"/>): a step costs its commands plus one remote command per check, and one
/// more only for a step without a done-check ("started") or without a verification ("done"), or for a failure.
/// Monitors poll beside long steps. The journal never makes a step skip: only the host does (see <see cref="ConvertRunner"/>).
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
    private readonly StepCommandTracker _tracker;
    private bool _earlierCommandsChecked;

    /// <param name="commandTimeout">Limit for each command (the resync wait has none: its progress shows).</param>
    /// <param name="tracker">Runs the step commands so that one left running by an earlier run is found and waited for.</param>
    public StepExecutor(IHost host, Journal journal, string planId, IConvertEvents events, TimeSpan commandTimeout, StepCommandTracker tracker,
        IReadOnlyList<IStepMonitor>? monitors = null)
    {
        _tracker = tracker;
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
        var run = new StepRun(step, DateTime.UtcNow, Stopwatch.StartNew());
        StepOutcome outcome;
        try
        {
            outcome = await RunCoreAsync(run, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await AppendAsync(run.Entry(_planId, JournalResult.Failed, "interrupted"), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (outcome.Failure is { } failure)
        {
            await AppendAsync(run.Entry(_planId, JournalResult.Failed, failure.Problem), ct).ConfigureAwait(false);
        }

        _events.On(new StepFinished(outcome, number, count));
        return outcome;
    }

    /// <summary>True when the step has a done-check and it holds (one remote command).</summary>
    public async Task<bool> IsDoneAsync(PlanStep step, CancellationToken ct) =>
        step.DoneWhen is { } done && (await _host.RunAsync(done.Command.Argv, Options(done.Command, _commandTimeout), ct).ConfigureAwait(false)).Succeeded;

    private async Task<StepOutcome> RunCoreAsync(StepRun run, CancellationToken ct)
    {
        var step = run.Step;
        HostCommand? current = null;
        try
        {
            if (!_earlierCommandsChecked)
            {
                if (await _tracker.WaitForEarlierAsync(_events, _commandTimeout, ct).ConfigureAwait(false) is { } stillRunning)
                {
                    return run.Fail(stillRunning, null, null, "",
                        "Wait for it to end (if it hangs, look at what it does and stop it), then run `xsraid convert` again: it continues where it stopped.");
                }

                _earlierCommandsChecked = true;
                run.Restart();
            }

            var started = new JournalEntry(_planId, step.Id, step.Phase, JournalResult.Started, run.Start);
            if (step.DoneWhen is { } done)
            {
                current = done.Command;
                var skippedNow = step.Verify is null ? run.Entry(_planId, JournalResult.Skipped) : null;
                if ((await CheckAsync(done.Command, skippedNow, step.Commands.Count > 0 ? started : null, run, ct).ConfigureAwait(false)).Succeeded)
                {
                    current = step.Verify?.Command;
                    var failure = await VerifyAsync(run, JournalResult.Skipped, alreadyDone: true, ct).ConfigureAwait(false);
                    return run.Outcome(failure is null ? StepResult.AlreadyDone : StepResult.Failed, failure);
                }
            }
            else if (step.Commands.Count > 0)
            {
                await AppendAsync(started, ct).ConfigureAwait(false);
            }

            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var monitor = StartMonitor(step, monitoring.Token);
            try
            {
                foreach (var command in step.Commands)
                {
                    current = command;
                    // the resync wait only watches: a later run need not wait for one left behind (it shows progress instead)
                    var (argv, timeout) = step.Kind == StepKind.ResyncWait ? (command.Argv, Timeout.InfiniteTimeSpan) : (_tracker.Wrap(command.Argv), _commandTimeout);
                    var result = await _host.RunAsync(argv, Options(command, timeout), ct).ConfigureAwait(false);
                    run.Append(result);
                    if (!result.Succeeded)
                    {
                        return run.Fail($"`{Shown(command)}` exited {result.ExitCode}", command, result.ExitCode, result.Stderr, StepFailure.RerunAdvice);
                    }
                }
            }
            finally
            {
                await monitoring.CancelAsync().ConfigureAwait(false);
                await monitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            current = step.Verify?.Command;
            var verifyFailure = await VerifyAsync(run, JournalResult.Done, alreadyDone: false, ct).ConfigureAwait(false);
            return run.Outcome(verifyFailure is null ? StepResult.Done : StepResult.Failed, verifyFailure);
        }
        catch (HostConnectionException e)
        {
            var advice = e is CommandTimeoutException
                ? "The command took too long; look at the host to see whether it still runs, then run `xsraid convert` again: it continues where it stopped."
                : "Check the host is up and reachable, then run `xsraid convert` again: it checks every step on the host and continues where it stopped.";
            return run.Fail(e.Message, current, null, "", advice);
        }
    }

    /// <summary>Runs the verification; when it holds (or there is none) the step's final line <paramref name="result"/> is journaled with it.</summary>
    private async Task<StepFailure?> VerifyAsync(StepRun run, JournalResult result, bool alreadyDone, CancellationToken ct)
    {
        var step = run.Step;
        var final = run.Entry(_planId, result);
        if (step.Verify is not { } verify)
        {
            if (!alreadyDone)
            {
                await AppendAsync(final, ct).ConfigureAwait(false);
            }

            return null;
        }

        var checkResult = await CheckAsync(verify.Command, final, null, run, ct).ConfigureAwait(false);
        if (checkResult.Succeeded)
        {
            return null;
        }

        run.Append(checkResult.Result);
        var problem = alreadyDone
            ? $"its effect looked present ({step.DoneWhen!.Description}) but its check does not hold: {verify.Description}"
            : step.Commands.Count == 0 ? $"the check does not hold: {verify.Description}" : $"its commands ran but its check does not hold: {verify.Description}";
        return new StepFailure(step, problem, verify.Command.Argv, checkResult.Result.ExitCode, OutputTail.Of(checkResult.Result.Stderr),
            "Look at the host to see why the check fails (the command is shown above), fix it, then run `xsraid convert` again.");
    }

    private async Task<JournaledResult> CheckAsync(HostCommand check, JournalEntry? onSuccess, JournalEntry? onFailure, StepRun run, CancellationToken ct)
    {
        // the line's end and duration are taken now: the check itself is not counted in the step's time
        var result = await _journal.RunAsync(_host, check, _commandTimeout, onSuccess, onFailure, ct).ConfigureAwait(false);
        if (result.Warning is { } warning)
        {
            _events.On(new ConvertWarning(warning));
        }

        return result;
    }

    private async Task AppendAsync(JournalEntry entry, CancellationToken ct)
    {
        if (await _journal.AppendAsync(_host, entry, ct).ConfigureAwait(false) is { } problem)
        {
            _events.On(new ConvertWarning(problem));
        }
    }

    private static CommandOptions Options(HostCommand command, TimeSpan timeout) =>
        new(timeout, command.Stdin is null ? null : Encoding.UTF8.GetBytes(command.Stdin));

    private Task StartMonitor(PlanStep step, CancellationToken ct) =>
        _monitors.FirstOrDefault(m => m.Watches(step)) is { } monitor
            ? Task.Run(() => monitor.WatchAsync(step, _host, _events, ct), CancellationToken.None)
            : Task.CompletedTask;

    /// <summary>A command as a short one-liner for messages: a sh snippet is named by its arguments, not its text.</summary>
    public static string Shown(HostCommand command)
    {
        var argv = command.Argv;
        var line = argv.Count >= 3 && argv[0] == "sh" && argv[1] == "-c"
            ? "sh -c '...'" + (argv.Count > 4 ? " " + ShellQuote.Join(argv.Skip(4)) : "")
            : ShellQuote.Join(argv);
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    /// <summary>One run of a step: when it started, its clock, and the tail of what its commands printed.</summary>
    private sealed class StepRun(PlanStep step, DateTime start, Stopwatch watch)
    {
        private readonly StringBuilder _output = new();
        private DateTime _start = start;

        public PlanStep Step => step;

        public DateTime Start => _start;

        /// <summary>The step's own time starts now (what came before, the wait for an earlier run's command, is not its).</summary>
        public void Restart()
        {
            _start = DateTime.UtcNow;
            watch.Restart();
        }

        public JournalEntry Entry(string planId, JournalResult result, string? detail = null) =>
            JournalEntry.Finished(planId, step, result, _start, watch.Elapsed, OutputTail.Of(_output.ToString()), detail);

        public StepOutcome Outcome(StepResult result, StepFailure? failure) => new(step, result, watch.Elapsed, failure);

        public StepOutcome Fail(string problem, HostCommand? command, int? exitCode, string stderr, string advice) =>
            Outcome(StepResult.Failed, new StepFailure(step, problem, command?.Argv, exitCode, OutputTail.Of(stderr), advice));

        public void Append(CommandResult result)
        {
            _output.Append(result.StdoutText).Append(result.Stderr);
            if (_output.Length > OutputLimit)
            {
                _output.Remove(0, _output.Length - OutputLimit);
            }
        }
    }
}
