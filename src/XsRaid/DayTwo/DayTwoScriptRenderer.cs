using System.Text;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.DayTwo;

/// <summary>
/// A day-2 plan as an annotated bash script, written like a conversion plan's (<see cref="PlanScriptRenderer"/>):
/// pure ASCII, `set -euo pipefail`, each step skipped when its effect is there, a failed check stops it.
/// </summary>
public static class DayTwoScriptRenderer
{
    public static string Render(DayTwoPlan plan)
    {
        var s = new StringBuilder();
        s.Append("#!/usr/bin/env bash\n");
        PlanScriptRenderer.Comment(s, $"xsraid {plan.Command} plan for {plan.HostName} ({plan.Platform})");
        if (plan.Survivor is { } survivor && plan.NewDisk is { } newDisk)
        {
            PlanScriptRenderer.Comment(s, $"surviving disk {survivor.Device} ({survivor.BestName}), new disk {newDisk.Device} ({newDisk.BestName})"
                + (plan.FailedDisk is { } failed ? $", failed disk {failed}" : ""));
        }

        PlanScriptRenderer.Comment(s, "Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,");
        PlanScriptRenderer.Comment(s, "so the script can be run again after an interruption. It stops at the first failing command. No reboot.");
        foreach (var note in plan.Notes)
        {
            PlanScriptRenderer.Comment(s, "note: " + note);
        }

        s.Append("set -euo pipefail\n\n");
        s.Append("XS_INPUT=$(mktemp -d)\n");
        s.Append("trap 'rm -rf \"$XS_INPUT\"' EXIT\n");
        s.Append("step() { printf '\\n== %s: %s\\n' \"$1\" \"$2\"; }\n");
        s.Append("skip() { printf '   already done: %s\\n' \"$1\"; }\n");
        s.Append("fail() { printf 'xsraid script: step %s failed its check: %s\\n' \"$1\" \"$2\" >&2; exit 1; }\n");
        string[] pairs = [.. new[] { plan.Survivor, plan.NewDisk }.OfType<DiskIdentity>().Where(d => d.IdName is not null).SelectMany(d => new[] { d.Device, d.IdName! })];
        if (pairs.Length > 0)
        {
            s.Append('\n');
            PlanScriptRenderer.Comment(s, "The disks must still have the kernel names this script was made with.");
            s.Append(ShellQuote.Join(HostCommand.Sh(Snippets.DevicesHaveIdNames, ["/dev/disk/by-id", .. pairs]).Argv))
                .Append(" || { echo ").Append(ShellQuote.Quote("xsraid script: the disks have other kernel names than when this script was made; nothing was done. "
                    + "Make the script again.")).Append(" >&2; exit 1; }\n");
        }

        PlanScriptRenderer.Section(s, $"xsraid {plan.Command}");
        foreach (var step in plan.Steps)
        {
            PlanScriptRenderer.RenderStep(s, step, "");
        }

        s.Append(plan.Steps.Count == 0 ? "\necho 'xsraid script: nothing to do.'\n" : "\necho 'xsraid script: all steps done.'\n");
        return s.ToString();
    }
}
