using System.CommandLine;
using XsRaid.DayTwo;

namespace XsRaid.Cli.Commands;

/// <summary>
/// `xsraid heal (--host ...|--local) [--yes] [--script] [--json]`: makes a mirrored host whole again (mdadm.conf,
/// every kernel's initrd, boot code on every member disk); each step checks first, so a healthy host runs nothing.
/// With --snapshot/--sample/--probe-output or --script it only shows the plan. Exit 0 done, 1 failure, 2 usage, 3 refused.
/// </summary>
public static class HealCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("heal", "Repair what a mirrored host lost after upgrades: mdadm.conf, each kernel's initrd, boot code on every disk (each step checks first)");
        var day2 = new DayTwoCommandOptions(command);
        command.SetAction((parse, ct) => day2.RunAsync(parse, io, HealPlanner.Plan, _ => null, ct));
        return command;
    }
}
