using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Tests.Hostile;

/// <summary>A probe that prints for ever (here: `yes` on this machine) ends at the probe output limit, named in the error.</summary>
[Collection(HostileProcesses.Name)]
public sealed class EndlessProbeTests
{
    [Fact]
    public async Task ProbeThatPrintsForEverEndsWithTheProbeLimitNamed()
    {
        using var host = new EndlessProbeHost();
        var result = await HostProbe.TakeAsync(host);
        result.IsOk.ShouldBeFalse();
        result.Error!.Problem.ShouldBe($"the probe printed more than {InputLimits.Describe(InputLimits.ProbeOutputBytes)}, the limit for probe output; it was stopped");
    }

    /// <summary>This machine, where "the probe" is `yes`: it prints for ever.</summary>
    private sealed class EndlessProbeHost : IHost
    {
        private readonly LocalHost _local = new(TimeSpan.FromMinutes(1));

        public string Name => "endless";

        public Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default) =>
            _local.RunAsync(["yes", "@@xsraid-probe 1"], options, ct);

        public void Dispose() => _local.Dispose();
    }
}
