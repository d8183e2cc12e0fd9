using System.Text.Json;
using XsRaid.Cli.Rendering;
using XsRaid.Execution;
using XsRaid.Planning;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// `xsraid status --json`: the same facts `status` prints (the scenarios of <see cref="StatusRenderTests"/>), as
/// JSON with stable names, against golden files.
/// </summary>
public sealed class StatusJsonTests
{
    [Fact]
    public void Phase2WhileTheArraysResync()
    {
        var sample = SampleHost.Load("lab-debian");
        var plan = sample.Plan(createSr: true).Plan!;
        var host = sample
            .WithFile("/proc/mounts", sample.Snapshot.File("/proc/mounts")!.Replace("/dev/sda1 / ext3", "/dev/md0 / ext3", StringComparison.Ordinal))
            .WithFile("/proc/mdstat", StatusRenderTests.Mdstat("two-arrays-recovery-one-with-bitmap.txt", ("md20", "md0"), ("md21", "md2")));
        var upTo = plan.Steps.ToList().FindIndex(s => s.Id == "raise-resync-speed");
        var entries = StatusRenderTests.Done(plan, upTo)
            .Append(new JournalEntry(PlanIdentity.Of(plan), "wait-resync", PlanPhase.JoinMirror, JournalResult.Started, StatusRenderTests.At(upTo + 1))).ToList();

        var json = StatusJsonRenderer.Render(ConversionStatus.From(host.Snapshot, StatusRenderTests.State(plan, entries)));

        using var doc = JsonDocument.Parse(json);
        var conversion = doc.RootElement.GetProperty("conversion");
        conversion.GetProperty("stage").GetString().ShouldBe("joining-mirror");
        conversion.GetProperty("stepsDone").GetInt32().ShouldBe(upTo + 1);
        conversion.GetProperty("stoppedAt").GetProperty("step").GetString().ShouldBe("wait-resync");
        conversion.GetProperty("stoppedAt").GetProperty("result").GetString().ShouldBe("started");
        doc.RootElement.GetProperty("arrays")[0].GetProperty("state").GetString().ShouldBe("recovering");
        doc.RootElement.GetProperty("arrays")[0].GetProperty("percent").GetDecimal().ShouldBe(6.6m);
        Golden.Verify("status-phase2-resync.json", json);
    }

    [Fact]
    public void Phase1StoppedByAFailedStep()
    {
        var sample = SampleHost.Load("lab-debian");
        var plan = sample.Plan(createSr: true).Plan!;
        var host = sample.WithFile("/proc/mdstat", StatusRenderTests.Mdstat("raid1-member-removed-degraded.txt", ("md20", "md0")));
        var failedAt = plan.Steps.ToList().FindIndex(s => s.Id == "mkfs-root");
        var entries = StatusRenderTests.Done(plan, failedAt - 1).Append(new JournalEntry(PlanIdentity.Of(plan), "mkfs-root", PlanPhase.BuildMirror, JournalResult.Failed,
            StatusRenderTests.At(failedAt), StatusRenderTests.At(failedAt).AddSeconds(2), 2, "mke2fs 1.47.0 (5-Feb-2023)\n/dev/md0 is apparently in use by the system; will not make a filesystem here!",
            "`mkfs.ext3 -q /dev/md0` exited 1")).ToList();

        var json = StatusJsonRenderer.Render(ConversionStatus.From(host.Snapshot, StatusRenderTests.State(plan, entries), "912 rsync -aHAXx"));

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("conversion").GetProperty("stage").GetString().ShouldBe("building-mirror");
        doc.RootElement.GetProperty("conversion").GetProperty("stoppedAt").GetProperty("lastOutputLine").GetString()
            .ShouldBe("/dev/md0 is apparently in use by the system; will not make a filesystem here!");
        doc.RootElement.GetProperty("runningCommand").GetString().ShouldBe("912 rsync -aHAXx");
        Golden.Verify("status-phase1-failed.json", json);
    }

    [Fact]
    public void AHostWithoutAConversion()
    {
        var json = StatusJsonRenderer.Render(ConversionStatus.From(SampleHost.Load("lab-debian").Snapshot, HostConversionState.None));

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("conversion").ValueKind.ShouldBe(JsonValueKind.Null);
        doc.RootElement.GetProperty("rootDevice").GetString().ShouldBe("/dev/sda1");
        doc.RootElement.GetProperty("arrays").GetArrayLength().ShouldBe(0);
        Golden.Verify("status-none.json", json);
    }
}
