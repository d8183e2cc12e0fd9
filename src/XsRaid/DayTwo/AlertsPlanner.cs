using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.DayTwo;

/// <summary>
/// `xsraid alerts`: md's monitor reports a failing disk. MAILADDR (--mail) or PROGRAM (--program) in mdadm.conf (the
/// line set, every other line kept), the initrd of the running kernel rebuilt when it is older than mdadm.conf (it
/// carries the file), the platform's monitor service enabled and restarted so it reads the file again, and with
/// --test `mdadm --monitor --scan --oneshot --test` sends one test alert per array. `check` then reports alerting as
/// configured: it reads the same MAILADDR / PROGRAM lines.
/// </summary>
public static class AlertsPlanner
{
    public static DayTwoResult Plan(HostFacts facts, AlertsOptions options)
    {
        var (profile, refusals) = ProfileResolver.Resolve(facts);
        return profile is null ? DayTwoResult.Refused(refusals) : Plan(facts, profile, options);
    }

    public static DayTwoResult Plan(HostFacts facts, HostProfile profile, AlertsOptions options)
    {
        if (!MirrorArrays.Read(facts.Snapshot).Any(a => a.IsRunning))
        {
            return DayTwoResult.Refused([new Refusal(DayTwoRules.NoMirror, "no md array runs on this host: there is nothing to monitor.",
                "Make the mirror first (xsraid plan / convert).")]);
        }

        var (key, value) = options.Mail is { } mail ? ("MAILADDR", mail) : ("PROGRAM", options.Program!);
        var conf = profile.Os.MdadmConfPath;
        var monitor = profile.Os.MdMonitor;
        var steps = new List<PlanStep>();
        var hasLine = new HostCheck($"{conf} has {key} {value}", HostCommand.Sh(HealSnippets.ConfHasLine, conf, key, value));
        steps.Add(Step("alerts-mdadm-conf", $"Set {key} {value} in {conf}",
            $"mdadm --monitor {(key == "MAILADDR" ? "mails this address" : "runs this program")} when an array degrades or a disk fails; the other lines stay.",
            [HostCommand.Sh(HealSnippets.ConfSetLine, conf, key, value)], null, hasLine, hasLine));

        if (facts.KernelVersion is { } kernel)
        {
            var initrd = "/boot/" + profile.Initrd.FileName(kernel);
            var rebuilt = new HostCheck($"{initrd} is not older than {conf}", HostCommand.Sh(Snippets.NotOlderThan, initrd, conf));
            steps.Add(Step("alerts-initrd", $"Rebuild the initrd of kernel {kernel}",
                "The initrd carries a copy of mdadm.conf: it is made again after the file changed.",
                [new HostCommand(profile.Initrd.Rebuild(kernel))], null, rebuilt, rebuilt));
        }

        steps.Add(Step("alerts-enable-monitor", $"Enable the {monitor.Name} service", "So that the monitor runs after every boot.",
            [monitor.Enable], null, monitor.Enabled, monitor.Enabled));
        steps.Add(Step("alerts-restart-monitor", $"Restart the {monitor.Name} service", "It reads mdadm.conf when it starts.",
            [monitor.Restart], null, null, monitor.Running));
        if (options.Test)
        {
            steps.Add(Step("alerts-test", "Send a test alert for each array",
                $"mdadm --monitor --scan --oneshot --test: one TestMessage event per array, sent to {value}.",
                [HostCommand.Of("mdadm", "--monitor", "--scan", "--oneshot", "--test")], null, null, null));
        }

        return DayTwoResult.Ok(new DayTwoPlan("alerts", facts.Snapshot.HostName, profile.DisplayName, null, null, null, [], steps,
            [$"`xsraid check` reports alerting as configured once {conf} has a MAILADDR or PROGRAM line."])
        {
            Repairs = ["no-alerting"],
        });
    }

    private static PlanStep Step(string id, string title, string why, IReadOnlyList<HostCommand> commands, string? writes, HostCheck? doneWhen, HostCheck? verify) =>
        new(id, PlanPhase.Alerts, title, why, commands, writes, doneWhen, verify);
}
