using System.CommandLine;
using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.Cli.Commands;

/// <summary>The options that shape a plan, shared by `plan` and (later) `convert`.</summary>
public sealed class PlanArguments
{
    public Option<string> Target { get; } = new("--target") { Description = "The new, blank disk: /dev/sdX or /dev/disk/by-id/NAME", Required = true };

    public Option<string> Metadata { get; } = new("--metadata") { Description = "md metadata: auto (0.90 on XenServer 6.x, 1.0 elsewhere), 0.90 or 1.0", DefaultValueFactory = _ => "auto" };

    public Option<bool> WipeTarget { get; } = new("--wipe-target") { Description = "Wipe old signatures (md, filesystems, partition table) from the target first" };

    public Option<bool> CreateSr { get; } = new("--create-sr") { Description = "Create the local storage repository on the mirrored storage partition at the end" };

    public Option<string> SrName { get; } = new("--sr-name") { Description = "Name of the storage repository", DefaultValueFactory = _ => "Local RAID1 storage" };

    public void AddTo(Command command)
    {
        Metadata.AcceptOnlyFromAmong(["auto", .. MetadataPolicy.Known]);
        foreach (var option in new Option[] { Target, Metadata, WipeTarget, CreateSr, SrName })
        {
            command.Options.Add(option);
        }
    }

    public PlanOptions Options(ParseResult parse) => new(
        parse.GetValue(Target)!,
        parse.GetValue(Metadata) ?? "auto",
        parse.GetValue(WipeTarget),
        parse.GetValue(CreateSr),
        parse.GetValue(SrName) ?? "Local RAID1 storage");
}
