using XsRaid.Execution;

namespace XsRaid.Tests.Execution;

/// <summary>Collects a conversion's events (thread-safe: progress pollers report beside the steps).</summary>
internal sealed class RecordingEvents : IConvertEvents
{
    private readonly Lock _gate = new();
    private readonly List<ConvertEvent> _events = [];

    public IReadOnlyList<ConvertEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<T> Of<T>()
        where T : ConvertEvent => [.. All.OfType<T>()];

    /// <summary>Called after each event is recorded (on the thread that raised it).</summary>
    public Action<ConvertEvent>? Then { get; init; }

    public void On(ConvertEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
        }

        Then?.Invoke(e);
    }
}
