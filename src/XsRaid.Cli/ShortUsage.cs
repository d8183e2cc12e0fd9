using System.CommandLine;

namespace XsRaid.Cli;

/// <summary>What `xsraid` with no arguments prints (on stderr, exit 2): the most used commands, one line each.</summary>
public static class ShortUsage
{
    /// <summary>The commands named, in this order; the one list to extend when a command joins them.</summary>
    public static readonly IReadOnlyList<string> Commands = ["inspect", "plan", "convert", "status", "snapshot"];

    public static void Write(TextWriter writer, RootCommand root)
    {
        writer.WriteLine("usage: xsraid COMMAND [options]   (xsraid COMMAND --help for its options)");
        writer.WriteLine();
        var width = Commands.Max(c => c.Length);
        foreach (var name in Commands)
        {
            var command = root.Subcommands.Single(c => c.Name == name);
            writer.WriteLine($"  {name.PadRight(width)}  {command.Description}");
        }

        writer.WriteLine();
        writer.WriteLine("All commands and options: xsraid --help.  Version: xsraid --version.");
    }
}
