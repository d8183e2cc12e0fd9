using System.Globalization;
using XsRaid.Execution;

namespace XsRaid.Health;

/// <summary>
/// The findings about one array. Degraded and nothing rebuilding it = CRITICAL; degraded and recovering = WARNING
/// with the progress; a faulty member = CRITICAL; an inactive array = CRITICAL; a resync or reshape = WARNING; a
/// check or repair pass = OK (the scheduled check); mismatch_cnt &gt; 0 and no write-intent bitmap = WARNING.
/// </summary>
public static class ArrayVerdicts
{
    public static IEnumerable<CheckFinding> For(ArrayCondition a)
    {
        var name = a.Name;
        var h = a.Health;
        if (h.State == ArrayHealthState.Inactive)
        {
            yield return new(FindingState.Critical, "array-inactive", name, $"{name} inactive",
                $"inactive: members gathered ({Members(h)}) but the array does not run");
            yield break;
        }

        if (a.FailedDisks > 0)
        {
            var faulty = h.Members.Where(m => m.EndsWith("(F)", StringComparison.Ordinal)).Select(m => m[..^3]).ToList();
            var which = faulty.Count > 0 ? string.Join(", ", faulty) : Count(a.FailedDisks, "member");
            yield return new(FindingState.Critical, "member-faulty", name, $"{name} member {which} faulty",
                $"member {which} faulty: the kernel stopped using it; replace the disk");
        }

        if (a.Degraded)
        {
            if (h.State == ArrayHealthState.Recovering)
            {
                yield return new(FindingState.Warning, "array-recovering", name, $"{name} recovering {Progress(h)}",
                    $"degraded, recovering: {Progress(h)} done{Left(h)} ({InSync(a)}); redundant again when it ends");
            }
            else if (h.State == ArrayHealthState.Waiting && a.SpareDisks > 0)
            {
                yield return new(FindingState.Warning, "array-recovery-waiting", name, $"{name} recovery waiting",
                    $"degraded, a spare waits to be rebuilt ({a.SyncAction ?? "waiting"}, {InSync(a)}): another array on the same disks syncs first");
            }
            else
            {
                yield return new(FindingState.Critical, "array-degraded", name, $"{name} degraded",
                    $"degraded: {InSync(a)} and nothing rebuilds it; one more failure loses the data");
            }
        }
        else
        {
            yield return h.State switch
            {
                ArrayHealthState.Resyncing => new(FindingState.Warning, "array-resyncing", name, $"{name} resyncing {Progress(h)}",
                    $"resyncing: {Progress(h)} done{Left(h)}; the members are not known to match until it ends"),
                ArrayHealthState.Waiting => new(FindingState.Warning, "array-resync-waiting", name, $"{name} {a.SyncAction ?? "resync waiting"}",
                    $"a resync is due and waits ({a.SyncAction ?? "waiting"}); the members are not known to match until it has run"),
                ArrayHealthState.Checking when a.SyncAction is "reshape" => new(FindingState.Warning, "array-reshaping", name, $"{name} reshaping {Progress(h)}",
                    $"reshaping: {Progress(h)} done{Left(h)}"),
                ArrayHealthState.Checking => new(FindingState.Ok, "array-checking", name, $"{name} {a.SyncAction ?? "check"} {Progress(h)}",
                    $"clean, {InSync(a)}; a {a.SyncAction ?? "check"} pass runs: {Progress(h)} done{Left(h)}"),
                _ when !a.Redundant => new(FindingState.Ok, "array-running", name, $"{name} active",
                    $"active {h.Level ?? "array"} ({Members(h)}): no redundancy to check"),
                _ => new(FindingState.Ok, "array-clean", name, $"{name} clean", $"clean, {InSync(a)}"),
            };
        }

        if (!a.Redundant)
        {
            yield break;
        }

        if (a.MismatchCount is > 0)
        {
            yield return new(FindingState.Warning, "mismatch-count", name, $"{name} mismatch_cnt {a.MismatchCount}",
                $"mismatch_cnt is {a.MismatchCount}: the last check or repair found sectors that differ between members");
        }
        else if (a.MismatchCount is null)
        {
            yield return NotCaptured(name, "mismatch_cnt", $"/sys/block/{name}/md/mismatch_cnt");
        }

        if (a.HasBitmap == false)
        {
            yield return new(FindingState.Warning, "no-bitmap", name, $"{name} no bitmap",
                $"no write-intent bitmap: a member that drops out and returns needs a full resync (mdadm --grow --bitmap=internal /dev/{name})");
        }
    }

    public static CheckFinding NotCaptured(string subject, string what, string where) =>
        new(FindingState.Note, "not-captured", subject, $"{subject} {what} not captured",
            $"{what} not captured ({where} is not in this snapshot: it was taken by an older probe or could not be read)");

    private static string InSync(ArrayCondition a) =>
        a.InSyncDisks is { } inSync && a.RaidDisks is { } raid
            ? $"{inSync.ToString(CultureInfo.InvariantCulture)} of {raid.ToString(CultureInfo.InvariantCulture)} members in sync"
            : "members " + Members(a.Health);

    private static string Members(ArrayHealth h) => h.Members.Count > 0 ? string.Join(" ", h.Members) : "none";

    private static string Progress(ArrayHealth h) =>
        h.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "?%";

    private static string Left(ArrayHealth h) =>
        h.FinishMinutes is { } m ? $", about {m.ToString("0.#", CultureInfo.InvariantCulture)} min left" : "";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n.ToString(CultureInfo.InvariantCulture)} {what}s";
}
