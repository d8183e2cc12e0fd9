using System.CommandLine;
using XsRaid.DayTwo;

namespace XsRaid.Cli.Commands;

/// <summary>
/// `xsraid alerts (--host ...|--local) (--mail ADDR | --program PATH) [--test] [--yes]`: md's monitor reports a failing
/// disk (MAILADDR/PROGRAM in mdadm.conf, initrd rebuilt, monitor service enabled and restarted; --test sends a test
/// alert). With --snapshot/--sample/--probe-output or --script it only shows the plan.
/// </summary>
public static class AlertsCommand
{
    public static Command Create(CliIo io)
    {
        var mail = new Option<string?>("--mail") { Description = "Mail alerts to this address (MAILADDR in mdadm.conf)" };
        var program = new Option<string?>("--program") { Description = "Run this program on each md event (PROGRAM in mdadm.conf)" };
        var test = new Option<bool>("--test") { Description = "Send a test alert for each array (mdadm --monitor --scan --oneshot --test)" };
        var command = new Command("alerts", "Make md's monitor report a failing disk: MAILADDR or PROGRAM, the monitor service enabled and running")
        {
            mail, program, test,
        };
        var day2 = new DayTwoCommandOptions(command);
        command.Validators.Add(r =>
        {
            var given = new[] { r.GetValue(mail), r.GetValue(program) }.Count(v => v is not null);
            if (given != 1)
            {
                r.AddError("name where alerts go: --mail ADDR or --program PATH (one of them)");
            }
            else if (r.GetValue(mail) is { } m && (m.Length == 0 || m.Any(char.IsWhiteSpace)))
            {
                r.AddError("--mail takes one address without spaces");
            }
            else if (r.GetValue(program) is { } p && (!p.StartsWith('/') || p.Any(char.IsWhiteSpace)))
            {
                r.AddError("--program takes an absolute path without spaces");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var options = new AlertsOptions(parse.GetValue(mail), parse.GetValue(program), parse.GetValue(test));
            return day2.RunAsync(parse, io, facts => AlertsPlanner.Plan(facts, options), _ => null, ct);
        });
        return command;
    }
}
