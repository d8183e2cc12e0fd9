namespace XsRaid.Planning;

/// <summary>
/// A plan carried over to the host's current kernel names (<see cref="DiskRenames"/>): the same steps with the same
/// ids, each command, check and title naming the disks as they are called now. Stdin contents (files the plan writes)
/// are not touched: they name arrays and filesystems, never a member disk.
/// </summary>
public static class PlanRebinding
{
    public static ConversionPlan Rebind(ConversionPlan plan, DiskRenames renames)
    {
        if (renames.IsEmpty)
        {
            return plan;
        }

        return plan with
        {
            Source = plan.Source with { Device = renames.InArgument(plan.Source.Device) },
            Target = plan.Target with { Device = renames.InArgument(plan.Target.Device) },
            Arrays = [.. plan.Arrays.Select(a => a with
            {
                SourcePartition = renames.InArgument(a.SourcePartition),
                TargetPartition = renames.InArgument(a.TargetPartition),
            })],
            Steps = [.. plan.Steps.Select(s => Step(s, renames))],
            Notes = [.. plan.Notes.Select(renames.InText)],
            OneShot = plan.OneShot is { } o ? o with { StillArmed = Check(o.StillArmed, renames)! } : null,
        };
    }

    private static PlanStep Step(PlanStep step, DiskRenames r) => step with
    {
        Title = r.InText(step.Title),
        Why = r.InText(step.Why),
        Commands = [.. step.Commands.Select(c => Command(c, r))],
        Writes = step.Writes is null ? null : r.InArgument(step.Writes),
        DoneWhen = Check(step.DoneWhen, r),
        Verify = Check(step.Verify, r),
    };

    private static HostCheck? Check(HostCheck? check, DiskRenames r) =>
        check is null ? null : new HostCheck(r.InText(check.Description), Command(check.Command, r));

    private static HostCommand Command(HostCommand command, DiskRenames r) =>
        command with { Argv = [.. command.Argv.Select(r.InArgument)] };
}
