using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Tests.Hosts.Snapshot;

/// <summary>A snapshot is one command on the host: one remote process, one round trip.</summary>
public sealed class ProbeCostTests
{
    [Fact]
    public async Task OneCommandPerSnapshot()
    {
        using var local = new LocalHost(TimeSpan.FromMinutes(2));
        var counting = new CountingHost(local);
        var snapshot = await HostProbe.TakeAsync(counting);
        snapshot.IsOk.ShouldBeTrue(snapshot.Error?.ToString());
        counting.Commands.ShouldHaveSingleItem()[0].ShouldBe("sh");
    }

    private sealed class CountingHost(IHost inner) : IHost
    {
        public List<IReadOnlyList<string>> Commands { get; } = [];

        public string Name => inner.Name;

        public Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default)
        {
            Commands.Add(argv);
            return inner.RunAsync(argv, options, ct);
        }

        public void Dispose()
        {
        }
    }
}
