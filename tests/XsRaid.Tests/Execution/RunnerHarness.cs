using XsRaid.Execution;
using XsRaid.Formats;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// The runner on the built-in lab-debian sample and its real plan, against a <see cref="FakeHost"/>: the snapshot
/// comes from <see cref="Sample"/> (change it to make the host differ), the reboot comes back as
/// <see cref="ComesBack"/> and <see cref="ComesBackOnArray"/> say. State survives between runs, as on a real host.
/// </summary>
internal sealed class RunnerHarness : IDisposable
{
    public static readonly PlanOptions Options = new("/dev/sdb", CreateSr: true);

    private readonly TempDir _dir = new();

    public RunnerHarness()
    {
        Sample = SampleHost.Load("lab-debian");
        Plan = Sample.Plan(createSr: true).Plan!;
        Host = new FakeHost(Plan);
    }

    public SampleHost Sample { get; set; }

    public ConversionPlan Plan { get; }

    public FakeHost Host { get; }

    public RecordingEvents Events { get; private set; } = new();

    public bool ComesBack { get; set; } = true;

    /// <summary>How many snapshots the runners took.</summary>
    public int Probes { get; private set; }

    public bool ComesBackOnArray { get; set; } = true;

    public string JournalPath => _dir.File("journal.jsonl");

    public IReadOnlyList<JournalEntry> LocalJournal => Journal.ReadLocal(JournalPath);

    public IReadOnlyList<JournalEntry> HostJournal => Journal.Parse(string.Join('\n', Host.JournalLines));

    public ConvertRunner Runner(bool noWait = false)
    {
        Events = new RecordingEvents();
        var settings = new ConvertSettings(JournalPath) { NoWait = noWait, PollInterval = TimeSpan.FromMilliseconds(5), RebootTimeout = TimeSpan.FromSeconds(20) };
        return new ConvertRunner(new ConvertConnection(Host, ReconnectAsync), settings, Events,
            (_, _) =>
            {
                Probes++;
                return Task.FromResult(ReadResult<HostSnapshot>.Ok(Sample.Snapshot));
            });
    }

    /// <summary>What `convert` does once the user confirmed the plan: prepare, then check the host again and run (`--yes`: <paramref name="recheck"/> false).</summary>
    public async Task<ConvertOutcome> ConvertAsync(bool noWait = false, bool recheck = true)
    {
        var runner = Runner(noWait);
        var prepared = await runner.PrepareAsync(Options, CancellationToken.None);
        return await runner.RunAsync(prepared, CancellationToken.None, recheck);
    }

    /// <summary>The step ids of the local journal's final lines (not "started"), in order.</summary>
    public IReadOnlyList<string> FinishedSteps(IReadOnlyList<JournalEntry> journal) =>
        [.. journal.Where(e => e.Result != JournalResult.Started).Select(e => e.Step)];

    public void Dispose() => _dir.Dispose();

    private Task ReconnectAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (!ComesBack)
        {
            throw new HostConnectionException(Host.Name, "cannot connect (ConnectionRefused); check the host is up.");
        }

        Host.Down = false;
        Host.RootOnArray = ComesBackOnArray;
        Host.BootTime = DateTime.UtcNow.AddSeconds(1);
        return Task.CompletedTask;
    }
}
