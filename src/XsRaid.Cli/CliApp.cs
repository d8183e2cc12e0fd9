using System.CommandLine;
using XsRaid.Cli.Commands;

namespace XsRaid.Cli;

/// <summary>Wires the commands; parse errors are usage errors (exit 2) printed on stderr.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliIo io)
    {
        var root = new RootCommand("xsraid: turn a single-disk XenServer/XCP-ng or Debian host into a bootable RAID1 mirror") { HelpName = "xsraid" };
        root.Subcommands.Add(InspectCommand.Create(io));
        root.Subcommands.Add(SnapshotCommand.Create(io));
        root.Subcommands.Add(PlanCommand.Create(io));
        root.Subcommands.Add(ConvertCommand.Create(io));
        root.Subcommands.Add(StatusCommand.Create(io));
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        if (args.Length == 0)
        {
            ShortUsage.Write(io.Error, root);
            return ExitCodes.Usage;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                io.Error.WriteLine($"xsraid: {error.Message}");
            }

            io.Error.WriteLine("Try 'xsraid --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            io.Error.WriteLine($"xsraid: internal error: {e.Message} (please report it with the command line)");
            return ExitCodes.Failure;
        }
    }
}
