using System.CommandLine;
using System.CommandLine.Parsing;

namespace XsRaid.Cli;

/// <summary>
/// A validator that reads an option whose value did not convert ("--reboot-timeout abc") gets an exception from
/// System.CommandLine, thrown out of Parse. Every validator of every command is wrapped so that such an exception
/// becomes the usage error it is (exit 2, the option named), whoever wrote the validator.
/// </summary>
public static class ValidatorGuard
{
    public static void Apply(Command command)
    {
        for (var i = 0; i < command.Validators.Count; i++)
        {
            command.Validators[i] = Guarded(command.Validators[i]);
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    private static Action<CommandResult> Guarded(Action<CommandResult> validator) => result =>
    {
        try
        {
            validator(result);
        }
        catch (InvalidOperationException e)
        {
            result.AddError(e.Message);
        }
    };
}
