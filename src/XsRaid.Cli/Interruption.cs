using System.Runtime.InteropServices;

namespace XsRaid.Cli;

/// <summary>
/// SIGINT and SIGTERM while a command runs: the first cancels the command's token and starts a grace period; when
/// the command has not ended by then (it may be blocked in a read), or a second signal comes, <see cref="Expired"/>
/// completes and the caller returns 128 + the signal number without waiting for it.
/// </summary>
public sealed class Interruption : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _expired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    private Interruption()
    {
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>Completes once the grace after a signal is over (or at a second signal).</summary>
    public Task Expired => _expired.Task;

    /// <summary>"SIGINT" or "SIGTERM" once one came, else null.</summary>
    public string? SignalName => _signal switch
    {
        2 => "SIGINT",
        15 => "SIGTERM",
        _ => null,
    };

    /// <summary>128 + the signal number, as a shell reports a process ended by it.</summary>
    public int ExitCode => 128 + _signal;

    /// <summary>Listens for SIGINT and SIGTERM until disposed (on platforms without POSIX signals, for nothing).</summary>
    public static Interruption Listen()
    {
        var interruption = new Interruption();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => interruption.On(c, 2)));
            interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => interruption.On(c, 15)));
        }

        return interruption;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void On(PosixSignalContext context, int number)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _signal, number, 0) != 0)
        {
            _expired.TrySetResult();
            return;
        }

        _cancel.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => _expired.TrySetResult(), TaskScheduler.Default);
    }
}
