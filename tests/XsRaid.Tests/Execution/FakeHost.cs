using System.Text;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Tests.Execution;

/// <summary>
/// A scripted host for the executor's control flow, driven by a plan. It models a step's effect as the plan's own
/// checks: a done-check or verification holds when its command is in <see cref="Effects"/>; running the last
/// command of a step puts that step's verification there. The phase guard answers <see cref="RootOnArray"/>, the
/// reboot takes the host <see cref="Down"/>, and the executor's own snippets (journal, saved plan, boot facts)
/// work on in-memory state. Every command is recorded in <see cref="Calls"/> as its quoted command line.
/// </summary>
internal sealed class FakeHost : IHost
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<PlanStep>> _lastCommandOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostCommand> _checkCommands = new(StringComparer.Ordinal);
    private readonly List<(Func<IReadOnlyList<string>, bool> When, CommandResult Result)> _failures = [];
    private readonly string _guard;
    private readonly string _resyncWait;
    private readonly List<Func<IReadOnlyList<string>, bool>> _drops = [];
    private bool _lastMdstatRead;

    public FakeHost(ConversionPlan plan)
    {
        Learn(plan);
        foreach (var disk in new[] { plan.Source, plan.Target })
        {
            if (disk.IdName is { } name)
            {
                ByIdLinks[name] = disk.Device;
            }
        }

        _guard = Key(plan.Steps.Single(s => s.Kind == StepKind.Guard).Verify!.Command);
        _resyncWait = Key(plan.Steps.Single(s => s.Kind == StepKind.ResyncWait).Commands[0]);
    }

    /// <summary>A fake for a plan without a reboot (a day-2 plan): only its steps are learnt; there is no phase guard.</summary>
    public FakeHost(IReadOnlyList<PlanStep> steps)
    {
        Learn(steps);
        _guard = "";
        _resyncWait = steps.FirstOrDefault(s => s.Kind == StepKind.ResyncWait) is { } wait ? Key(wait.Commands[0]) : "";
    }

    /// <summary>Where each /dev/disk/by-id name points now (the plan's disks at first; swap them to rename the disks).</summary>
    public Dictionary<string, string> ByIdLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The kernel renames the disks (as at a boot): the by-id names follow the disks, and every effect on the host is
    /// now seen under the disks' new names (the checks of the renamed plan; <see cref="Learn"/> it first).
    /// </summary>
    public void RenameDisks(DiskRenames renames)
    {
        lock (_gate)
        {
            foreach (var name in ByIdLinks.Keys.ToList())
            {
                ByIdLinks[name] = renames.InArgument(ByIdLinks[name]);
            }

            var now = Effects.Select(k => _checkCommands.TryGetValue(k, out var c) ? Key(c with { Argv = [.. c.Argv.Select(renames.InArgument)] }) : k).ToList();
            Effects.Clear();
            Effects.UnionWith(now);
        }
    }

    /// <summary>
    /// Also models the checks and commands of <paramref name="plan"/> (the same plan under other disk names): its
    /// steps' effects are tracked like the first plan's.
    /// </summary>
    public void Learn(ConversionPlan plan) => Learn(plan.Steps);

    public void Learn(IReadOnlyList<PlanStep> planSteps)
    {
        foreach (var step in planSteps)
        {
            foreach (var check in new[] { step.DoneWhen, step.Verify }.OfType<HostCheck>())
            {
                _checks.Add(Key(check.Command));
                _checkCommands[Key(check.Command)] = check.Command;
            }

            if (step.Commands.Count > 0)
            {
                var last = Key(step.Commands[^1]);
                if (!_lastCommandOf.TryGetValue(last, out var steps))
                {
                    _lastCommandOf[last] = steps = [];
                }

                steps.Add(step);
            }
        }
    }

    public string Name => "fake";

    public List<string> Calls { get; } = [];

    public HashSet<string> Effects { get; } = new(StringComparer.Ordinal);

    public bool RootOnArray { get; set; }

    public bool Down { get; set; }

    public List<string> JournalLines { get; } = [];

    public string? SavedPlan { get; set; }

    public DateTime BootTime { get; set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>/proc/mdstat texts handed out one per read (the last one repeats); the resync wait ends once all were read.</summary>
    public Queue<string> Mdstat { get; } = new();

    public int Reboots { get; private set; }

    /// <summary>Runs when the reboot command is sent (the host is already down then).</summary>
    public Action? OnReboot { get; set; }

    public static string Key(HostCommand command) => Key(command.Argv, command.Stdin);

    public static string Key(IReadOnlyList<string> argv, string? stdin = null) => ShellQuote.Join(argv) + (stdin is null ? "" : "\n<<" + stdin);

    /// <summary>Commands matching <paramref name="when"/> return <paramref name="exitCode"/> with <paramref name="stderr"/>.</summary>
    public void Fail(Func<IReadOnlyList<string>, bool> when, int exitCode, string stderr) =>
        _failures.Add((when, new CommandResult(exitCode, [], stderr, TimeSpan.Zero)));

    public void ClearFailures() => _failures.Clear();

    /// <summary>The connection drops while a command matching <paramref name="when"/> runs (the host stays down).</summary>
    public void DropConnectionOn(Func<IReadOnlyList<string>, bool> when) => _drops.Add(when);

    public int CallsMatching(string commandLinePrefix)
    {
        lock (_gate)
        {
            return Calls.Count(c => c.StartsWith(commandLinePrefix, StringComparison.Ordinal));
        }
    }

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default)
    {
        var stdin = options?.Stdin is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        // a command wrapped with its journal line: the line is appended as the snippet would, by the command's exit
        var (onSuccess, onFailure) = ("", "");
        if (argv is ["sh", "-c", ExecutionSnippets.JournaledCommand, "sh", var ok, var bad, _, _, ..])
        {
            (onSuccess, onFailure, argv) = (ok, bad, [.. argv.Skip(8)]);
        }

        // a step command run through its pid-file wrapper: the fake answers for the command itself
        if (argv is ["sh", "-c", ExecutionSnippets.StepCommand, ExecutionSnippets.StepCommandName, _, ..])
        {
            argv = [.. argv.Skip(5)];
        }

        var key = Key(argv, stdin);
        lock (_gate)
        {
            Calls.Add(key);
            if (Down)
            {
                throw new ConnectionLostException(Name, "not connected (the host is down)");
            }

            if (_drops.Any(d => d(argv)))
            {
                Down = true;
                throw new ConnectionLostException(Name, $"the connection was lost while `{ShellQuote.Join(argv)}` ran; whether it finished on the host is unknown.");
            }
        }

        if (key == _resyncWait)
        {
            while (true)
            {
                lock (_gate)
                {
                    if (Mdstat.Count == 0 || _lastMdstatRead)
                    {
                        break;
                    }
                }

                await Task.Delay(10, ct);
            }
        }

        lock (_gate)
        {
            var result = Answer(argv, stdin, key);
            var line = result.Succeeded ? onSuccess : onFailure;
            if (line.Length > 0)
            {
                JournalLines.Add(line);
            }

            return result;
        }
    }

    public void Dispose()
    {
    }

    private CommandResult Answer(IReadOnlyList<string> argv, string? stdin, string key)
    {
        if (argv is ["sh", "-c", var snippet, ..])
        {
            switch (snippet)
            {
                case ExecutionSnippets.ReadState:
                    return Ok($"{SavedPlan}\n{ExecutionSnippets.JournalMarker}\n{string.Concat(JournalLines.Select(l => l + "\n"))}");
                case ExecutionSnippets.SavePlan:
                    SavedPlan = stdin;
                    return Ok();
                case Snippets.ResolveIdNames:
                    return Ok(string.Concat(argv.Skip(5).Select(n => ByIdLinks.GetValueOrDefault(n, "-") + "\n")));
                case ExecutionSnippets.RunningStepCommand:
                    return Ok(); // no command of an earlier run runs on the fake
                case ExecutionSnippets.BootFacts:
                    return Ok($"btime {(long)(BootTime - DateTime.UnixEpoch).TotalSeconds}\ncmdline root=LABEL=root-old ro\nroot /dev/sda1\nonce clear\n");
            }
        }

        if (argv is ["cat", "/proc/mdstat"])
        {
            if (Mdstat.Count == 0)
            {
                return new CommandResult(1, [], "cat: /proc/mdstat: No such file or directory\n", TimeSpan.Zero);
            }

            _lastMdstatRead = Mdstat.Count == 1;
            return Ok(Mdstat.Count > 1 ? Mdstat.Dequeue() : Mdstat.Peek());
        }

        if (_failures.FirstOrDefault(f => f.When(argv)) is { When: not null } failure)
        {
            return failure.Result;
        }

        if (key == _guard)
        {
            return RootOnArray ? Ok() : Exit(1);
        }

        if (argv is ["reboot"])
        {
            Reboots++;
            Down = true;
            OnReboot?.Invoke();
            throw new ConnectionLostException(Name, "the connection was lost while `reboot` ran");
        }

        if (_checks.Contains(key))
        {
            return Effects.Contains(key) ? Ok() : Exit(1);
        }

        foreach (var step in _lastCommandOf.GetValueOrDefault(key) ?? [])
        {
            if (step.Verify is { } verify)
            {
                Effects.Add(Key(verify.Command));
            }
        }

        return Ok();
    }

    private static CommandResult Ok(string stdout = "") => new(0, Encoding.UTF8.GetBytes(stdout), "", TimeSpan.Zero);

    private static CommandResult Exit(int code) => new(code, [], "", TimeSpan.Zero);
}
