using Spectre.Console;
using XsRaid.Execution;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// Conversion events for people: one line per step as it starts and ends (failures in red), notices and warnings;
/// copy and resync progress as Spectre progress bars on a terminal that can redraw, otherwise a plain line at most
/// every <see cref="PlainProgressEvery"/>. Every event also goes to the local log.
/// </summary>
public sealed class ConvertConsoleRenderer : IConvertEvents, IDisposable
{
    public static readonly TimeSpan PlainProgressEvery = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console;
    private readonly ConvertLog? _log;
    private readonly bool _live;
    private LiveProgress? _progress;
    private DateTime _lastPlainProgress = DateTime.MinValue;

    public ConvertConsoleRenderer(IAnsiConsole console, ConvertLog? log)
    {
        _console = console;
        _log = log;
        _live = console.Profile.Capabilities.Ansi && console.Profile.Capabilities.Interactive;
    }

    public void On(ConvertEvent e)
    {
        var line = ConvertLines.Of(e);
        _log?.Write(line);
        lock (_gate)
        {
            switch (e)
            {
                case CopyProgress c when _live:
                    Live().Update("copy", c.TotalBytes <= 0 ? 0 : 100.0 * c.CopiedBytes / c.TotalBytes, line.Trim());
                    break;
                case ResyncProgress r when _live:
                    foreach (var array in r.Arrays)
                    {
                        Live().Update(array.Name, (double)(array.Percent ?? (array.IsSyncing ? 0 : 100)), ConvertLines.Array(array));
                    }

                    break;
                case CopyProgress or ResyncProgress:
                    if (DateTime.UtcNow - _lastPlainProgress >= PlainProgressEvery)
                    {
                        _lastPlainProgress = DateTime.UtcNow;
                        _console.WriteLine(TerminalText.Printable(line));
                    }

                    break;
                case StepFinished { Outcome.Failed: true }:
                    StopLive();
                    _console.MarkupLine($"[red]{TerminalText.Markup(line)}[/]");
                    break;
                case StepFinished:
                    StopLive();
                    _lastPlainProgress = DateTime.MinValue;
                    _console.WriteLine(TerminalText.Printable(line));
                    break;
                case ConvertWarning:
                    _console.MarkupLine($"[yellow]{TerminalText.Markup(line)}[/]");
                    break;
                default:
                    _console.WriteLine(TerminalText.Printable(line));
                    break;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            StopLive();
        }
    }

    private LiveProgress Live() => _progress ??= new LiveProgress(_console);

    private void StopLive()
    {
        _progress?.Stop();
        _progress = null;
    }

    /// <summary>A Spectre progress display running until <see cref="Stop"/>, with one bar per name.</summary>
    private sealed class LiveProgress
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);
        private readonly ProgressContext _context;
        private readonly Task _display;

        public LiveProgress(IAnsiConsole console)
        {
            var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
            _display = console.Progress()
                .AutoClear(false)
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async ctx =>
                {
                    ready.SetResult(ctx);
                    await _done.Task.ConfigureAwait(false);
                });
            _context = ready.Task.GetAwaiter().GetResult();
        }

        public void Update(string name, double percent, string description)
        {
            if (!_bars.TryGetValue(name, out var bar))
            {
                bar = _context.AddTask(TerminalText.Markup(description), maxValue: 100);
                _bars[name] = bar;
            }

            bar.Description = TerminalText.Markup(description);
            bar.Value = Math.Clamp(percent, 0, 100);
        }

        public void Stop()
        {
            _done.TrySetResult();
            _display.GetAwaiter().GetResult();
        }
    }
}
