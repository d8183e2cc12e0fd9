using System.Text.Json.Nodes;
using XsRaid.Execution;
using XsRaid.Planning;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Execution;

/// <summary>
/// plan.json stores the plan's id when it is saved; a plan.json an older xsraid wrote (no id, no step kinds, an
/// "isRebootPoint" flag) is still read: the kinds come from its step ids and the id from its own journal lines.
/// </summary>
public sealed class LegacySavedPlanTests
{
    private static readonly ConversionPlan Plan = SampleHost.Load("lab-debian").Plan(createSr: true).Plan!;

    private static readonly DateTime Started = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void TheSavedPlanCarriesItsId()
    {
        var json = ExecutionJson.Serialize(new SavedConversion(new PlanOptions("/dev/sdb"), Plan, Started, "0123456789abcdef"));

        var state = HostStateStore.Parse(json + "\n" + ExecutionSnippets.JournalMarker + "\n" + Line("0123456789abcdef", "partition-target"), "/var/lib/xsraid");

        JsonNode.Parse(json)!["planId"]!.GetValue<string>().ShouldBe("0123456789abcdef");
        state.SavedPlanId.ShouldBe("0123456789abcdef");
        state.EntriesOfSavedPlan.Select(e => e.Step).ShouldBe(["partition-target"]);
        PlanJson.Serialize(PlanResult.Ok(state.Saved!.Plan)).ShouldBe(PlanJson.Serialize(PlanResult.Ok(Plan)));
    }

    [Fact]
    public void AnOldPlanJsonTakesItsIdFromItsJournalAndItsKindsFromItsStepIds()
    {
        var journal = Line("feedfacecafe0001", "stale-step") + Line("0a1b2c3d4e5f6789", "partition-target") + Line("0a1b2c3d4e5f6789", "create-md0");

        var state = HostStateStore.Parse(OldPlanJson() + "\n" + ExecutionSnippets.JournalMarker + "\n" + journal, "/var/lib/xsraid");

        state.Saved.ShouldNotBeNull();
        state.Saved.PlanId.ShouldBeNull();
        state.SavedPlanId.ShouldBe("0a1b2c3d4e5f6789", "the latest journal line names the plan in progress");
        state.EntriesOfSavedPlan.Select(e => e.Step).ShouldBe(["partition-target", "create-md0"]);
        state.Saved.Plan.Steps.Select(s => (s.Id, s.Kind)).ShouldBe(Plan.Steps.Select(s => (s.Id, s.Kind)), "every kind comes back from the old step ids");
        state.Saved.Plan.OneShot.ShouldBeNull("an old plan has no typed one-shot boot; the roll-back report says it does not know");
    }

    [Fact]
    public void AnOldPlanJsonWithoutJournalLinesGetsTheIdOfItsPlan()
    {
        var state = HostStateStore.Parse(OldPlanJson() + "\n" + ExecutionSnippets.JournalMarker + "\n", "/var/lib/xsraid");

        state.SavedPlanId.ShouldBe(PlanIdentity.Of(state.Saved!.Plan));
    }

    [Fact]
    public async Task AConversionInProgressAcrossTheUpgradeReportsItsRollBackInsteadOfRepeatingPhase1()
    {
        using var h = new RunnerHarness { ComesBack = false };
        (await h.ConvertAsync()).Message.ShouldContain("did not come back");
        h.Host.SavedPlan = Old(h.Host.SavedPlan!); // as an older xsraid had saved it, with the same journal lines
        h.Host.Down = false;
        h.Host.BootTime = DateTime.UtcNow.AddSeconds(5);
        var before = h.Host.Calls.Count;

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.RolledBack, outcome.Message);
        h.Host.Calls.Skip(before).ShouldNotContain("reboot");
        h.Host.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("mdadm", StringComparison.Ordinal));
    }

    /// <summary>The lab plan as an older xsraid saved it: no planId, no oneShot, no kinds, isRebootPoint on every step.</summary>
    private static string OldPlanJson() => Old(ExecutionJson.Serialize(new SavedConversion(new PlanOptions("/dev/sdb", CreateSr: true), Plan, Started)));

    private static string Old(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("planId");
        var plan = node["plan"]!.AsObject();
        plan.Remove("oneShot");
        foreach (var step in plan["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            var reboot = step["kind"]!.GetValue<string>() == "reboot-point";
            step.Remove("kind");
            step["isRebootPoint"] = reboot;
        }

        var text = node.ToJsonString();
        text.ShouldNotContain("\"kind\"");
        return text;
    }

    private static string Line(string plan, string step) =>
        ExecutionJson.Serialize(new JournalEntry(plan, step, PlanPhase.BuildMirror, JournalResult.Done, Started)) + "\n";
}
