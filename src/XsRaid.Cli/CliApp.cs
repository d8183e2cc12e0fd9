using System.CommandLine;
using XsRaid.Cli.Commands;
using XsRaid.Cli.Rendering;

namespace XsRaid.Cli;

/// <summary>
/// Wires the commands; parse errors are usage errors (exit 2) printed on stderr. Response files (@file) are off:
/// an argument starting with '@' is that argument. Everything after parsing goes through <see cref="TopLevel"/>.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, CliIo io)
    {
        io = io with { Error = TerminalText.Guard(io.Error) };
        var root = new RootCommand("xsraid: turn a single-disk XenServer/XCP-ng or Debian host into a bootable RAID1 mirror") { HelpName = "xsraid" };
        root.Subcommands.Add(InspectCommand.Create(io));
        root.Subcommands.Add(SnapshotCommand.Create(io));
        root.Subcommands.Add(PlanCommand.Create(io));
        root.Subcommands.Add(ConvertCommand.Create(io));
        root.Subcommands.Add(StatusCommand.Create(io));
        root.Subcommands.Add(CheckCommand.Create(io));
        root.Subcommands.Add(ReplaceCommand.Create(io));
        root.Subcommands.Add(HealCommand.Create(io));
        root.Subcommands.Add(AlertsCommand.Create(io));
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        if (args.Length == 0)
        {
            ShortUsage.Write(io.Error, root);
            return ExitCodes.Usage;
        }

        ValidatorGuard.Apply(root);

        ParseResult parsed;
        try
        {
            parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        }
        catch (Exception e)
        {
            return TopLevel.Unexpected(args.FirstOrDefault(a => !a.StartsWith('-')) ?? "xsraid", e, io);
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var message in parsed.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
            {
                io.Error.WriteLine($"xsraid: {message}");
            }

            io.Error.WriteLine("Try 'xsraid --help'.");
            return ExitCodes.Usage;
        }

        return TopLevel.Invoke(parsed, io);
    }
}
