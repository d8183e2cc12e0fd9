using System.CommandLine;
using XsRaid.DayTwo;

namespace XsRaid.Cli.Commands;

/// <summary>
/// `xsraid replace (--host ...|--local) --new DISK [--failed DISK|--missing] [--yes] [--wipe-target] [--script]
/// [--json]`: a new disk takes a failed or missing disk's place in the mirror. With --snapshot/--sample/--probe-output
/// or --script it only shows the plan; with a live host it carries it out (confirmed with the new disk's serial or
/// by-id name unless --yes). Exit 0 done, 1 failure, 2 usage, 3 refused.
/// </summary>
public static class ReplaceCommand
{
    public static Command Create(CliIo io)
    {
        var newDisk = new Option<string>("--new") { Description = "The new, blank disk that takes the failed one's place: /dev/sdX or /dev/disk/by-id/NAME", Required = true };
        var failed = new Option<string?>("--failed") { Description = "The failed disk, when the host still sees it (its members are failed and removed)" };
        var missing = new Option<bool>("--missing") { Description = "The failed disk is gone (taken out, or the host no longer sees it)" };
        var wipe = new Option<bool>("--wipe-target") { Description = "Wipe old signatures (md, filesystems, partition table) from the new disk first" };
        var command = new Command("replace", "Put a new disk in the place of a failed or missing one: partition it like the survivor, add it, resync, boot code (no reboot)")
        {
            newDisk, failed, missing, wipe,
        };
        var day2 = new DayTwoCommandOptions(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(failed) is not null && r.GetValue(missing))
            {
                r.AddError("choose --failed DISK or --missing, not both");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var options = new ReplaceOptions(parse.GetValue(newDisk)!, parse.GetValue(failed), parse.GetValue(missing), parse.GetValue(wipe));
            return day2.RunAsync(parse, io, facts => ReplacePlanner.Plan(facts, options), plan => plan.NewDisk, ct);
        });
        return command;
    }
}
