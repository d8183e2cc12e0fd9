using System.Text;
using XsRaid.Hosts;

namespace XsRaid.Planning;

/// <summary>
/// The plan as an annotated bash script an admin can read or run by hand: pure ASCII, `set -euo pipefail`, each
/// step skipped when its effect is already there, the reboot a clear stop point (run the script again afterwards).
/// Every argument goes through <see cref="ShellQuote"/>; file contents go, once each, in quoted here-documents.
/// </summary>
public static class PlanScriptRenderer
{
    public static string Render(ConversionPlan plan)
    {
        var s = new StringBuilder();
        s.Append("#!/usr/bin/env bash\n");
        Comment(s, $"xsraid conversion plan for {plan.HostName} ({plan.Platform})");
        Comment(s, $"system disk {plan.Source.Device} ({plan.Source.BestName}) + new disk {plan.Target.Device} ({plan.Target.BestName}) -> RAID1, md metadata {plan.Metadata}");
        Comment(s, "Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,");
        Comment(s, "so the script can be run again after an interruption. It stops at the first failing command.");
        Comment(s, "Phase 1 ends with a one-shot reboot into the mirror; run the script again once the host is back.");
        s.Append("set -euo pipefail\n\n");
        s.Append("XS_INPUT=$(mktemp -d)\n");
        s.Append("trap 'rm -rf \"$XS_INPUT\"' EXIT\n");
        s.Append("step() { printf '\\n== %s: %s\\n' \"$1\" \"$2\"; }\n");
        s.Append("skip() { printf '   already done: %s\\n' \"$1\"; }\n");
        s.Append("fail() { printf 'xsraid script: step %s failed its check: %s\\n' \"$1\" \"$2\" >&2; exit 1; }\n");

        DiskNamesGuard(s, plan);
        var rebootIndex = plan.Steps.ToList().FindIndex(st => st.Kind == StepKind.RebootPoint);
        var verifyRoot = plan.Steps.FirstOrDefault(st => st.Kind == StepKind.Guard)?.Verify;
        if (verifyRoot is not null && rebootIndex >= 0)
        {
            Section(s, "Phase 1: build the degraded mirror on " + plan.Target.Device + ", then reboot into it once");
            Line(s, "if ! ", verifyRoot.Command, "; then");
            foreach (var step in plan.Steps.Take(rebootIndex))
            {
                RenderStep(s, step, "  ");
            }

            var reboot = plan.Steps[rebootIndex];
            s.Append('\n');
            Comment(s, "STOP POINT: " + reboot.Title + ". " + reboot.Why, "  ");
            s.Append("  echo 'Phase 1 is done. The host now reboots once into the mirror; if that boot fails it comes back on the old system.'\n");
            s.Append("  echo 'When it is back, run this script again to continue with phase 2.'\n");
            foreach (var command in reboot.Commands)
            {
                Line(s, "  ", command, "");
            }

            s.Append("  exit 0\nfi\n");
            Section(s, "Phase 2: / runs from the mirror; the original disk " + plan.Source.Device + " joins it");
            var storageSection = false;
            foreach (var step in plan.Steps.Skip(rebootIndex + 1))
            {
                if (step.Phase == PlanPhase.StorageRepository && !storageSection)
                {
                    Section(s, "Storage repository on the mirrored storage array");
                    storageSection = true;
                }

                RenderStep(s, step, "");
            }
        }

        s.Append("\necho 'xsraid script: all steps done.'\n");
        return s.ToString();
    }

    /// <summary>
    /// The script names the disks as the kernel named them when it was made, and the kernel can rename them across a
    /// reboot (the order in which disks answer at boot): it stops before any step unless the by-id names still agree.
    /// </summary>
    private static void DiskNamesGuard(StringBuilder s, ConversionPlan plan)
    {
        string[] pairs = [.. new[] { plan.Source, plan.Target }.Where(d => d.IdName is not null).SelectMany(d => new[] { d.Device, d.IdName! })];
        if (pairs.Length == 0)
        {
            return;
        }

        s.Append('\n');
        Comment(s, "The disks must still have the kernel names this script was made with (names can change across a reboot).");
        Line(s, "", HostCommand.Sh(Snippets.DevicesHaveIdNames, ["/dev/disk/by-id", .. pairs]),
            " || { echo " + ShellQuote.Quote("xsraid script: the disks have other kernel names than when this script was made; nothing was done. "
                + "Make the script again (xsraid plan --script) before phase 1, or use the names the disks have now (see ls -l /dev/disk/by-id).") + " >&2; exit 1; }");
    }

    internal static void RenderStep(StringBuilder s, PlanStep step, string indent)
    {
        s.Append('\n');
        Comment(s, $"--- {step.Id}: {step.Title}", indent);
        Comment(s, "Why: " + step.Why, indent);
        if (step.Writes is not null)
        {
            Comment(s, "WRITES " + step.Writes, indent);
        }

        s.Append(indent).Append("step ").Append(ShellQuote.Quote(step.Id)).Append(' ').Append(ShellQuote.Quote(Ascii(step.Title))).Append('\n');
        var inputs = WriteInputs(s, step, indent);
        var body = indent;
        if (step.DoneWhen is { } done)
        {
            Line(s, indent + "if ", done.Command, "; then", inputs);
            s.Append(indent).Append("  skip ").Append(ShellQuote.Quote(Ascii(done.Description))).Append('\n');
            s.Append(indent).Append("else\n");
            body = indent + "  ";
        }

        foreach (var command in step.Commands)
        {
            Line(s, body, command, "", inputs);
        }

        if (step.DoneWhen is not null)
        {
            if (step.Commands.Count == 0)
            {
                s.Append(body).Append(":\n");
            }

            s.Append(indent).Append("fi\n");
        }

        if (step.Verify is { } verify)
        {
            Line(s, indent, verify.Command, $" || fail {ShellQuote.Quote(step.Id)} {ShellQuote.Quote(Ascii(verify.Description))}", inputs);
        }
    }

    /// <summary>
    /// Writes each distinct standard input of a step (a file's new content) once, to "$XS_INPUT/ID.N", and returns
    /// the file name for each content: the done check, the write and the verification then all read the same file.
    /// </summary>
    private static Dictionary<string, string> WriteInputs(StringBuilder s, PlanStep step, string indent)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = step.Commands.Concat(new[] { step.DoneWhen?.Command, step.Verify?.Command }.OfType<HostCommand>());
        foreach (var text in commands.Select(c => c.Stdin).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var file = $"\"$XS_INPUT\"/{step.Id}.{inputs.Count + 1}";
            inputs[text] = file;
            if (!IsAscii(text) || !text.EndsWith('\n'))
            {
                s.Append(indent).Append("printf '%b' ").Append(ShellQuote.Quote(OctalEscape(text))).Append(" > ").Append(file).Append('\n');
                continue;
            }

            var delimiter = "XSRAID_EOF";
            for (var n = 1; text.Split('\n').Contains(delimiter); n++)
            {
                delimiter = $"XSRAID_EOF_{n}";
            }

            s.Append(indent).Append("cat > ").Append(file).Append(" <<'").Append(delimiter).Append("'\n");
            s.Append(text).Append(delimiter).Append('\n');
        }

        return inputs;
    }

    /// <summary>One command as the script writes it (argv quoted; standard input from the file it was written to).</summary>
    public static string RenderCommand(HostCommand command)
    {
        var s = new StringBuilder();
        var inputs = WriteInputs(s, new PlanStep("command", PlanPhase.BuildMirror, "", "", [command], null, null, null), "");
        Line(s, "", command, "", inputs);
        return s.ToString();
    }

    /// <summary>Appends prefix + the command (with its standard input redirected from its file) + suffix as one line.</summary>
    private static void Line(StringBuilder s, string prefix, HostCommand command, string suffix, Dictionary<string, string>? inputs = null)
    {
        s.Append(prefix).Append(ShellQuote.Join(command.Argv));
        if (command.Stdin is not null)
        {
            s.Append(" < ").Append(inputs![command.Stdin]);
        }

        s.Append(suffix).Append('\n');
    }

    internal static void Section(StringBuilder s, string title)
    {
        s.Append("\n# ").Append(new string('=', 5)).Append(' ').Append(Ascii(title)).Append(' ').Append(new string('=', 5)).Append('\n');
    }

    internal static void Comment(StringBuilder s, string text, string indent = "")
    {
        foreach (var line in Ascii(text).Split('\n'))
        {
            s.Append(indent).Append("# ").Append(line).Append('\n');
        }
    }

    private static bool IsAscii(string text) => text.All(c => c is '\n' or '\t' || (c >= ' ' && c < 127));

    /// <summary>Comments and titles must stay pure ASCII: anything else becomes '?'.</summary>
    private static string Ascii(string text) => new([.. text.Select(c => c is '\n' || (c >= ' ' && c < 127) ? c : '?')]);

    private static string OctalEscape(string text)
    {
        var b = new StringBuilder();
        foreach (var by in Encoding.UTF8.GetBytes(text))
        {
            if (by is >= (byte)' ' and < 127 and not (byte)'\\' and not (byte)'\'')
            {
                b.Append((char)by);
            }
            else
            {
                b.Append('\\').Append('0').Append(Convert.ToString(by, 8).PadLeft(3, '0'));
            }
        }

        return b.ToString();
    }
}
