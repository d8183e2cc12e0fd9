using System.CommandLine.Parsing;

namespace XsRaid.Cli;

/// <summary>
/// System.CommandLine hands an unknown "--option" to a variadic argument as a value; a path never starts with "-",
/// so such a token is reported as the usage error it is.
/// </summary>
public static class UnknownOptions
{
    public static void Reject(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
        {
            result.AddError($"unknown option '{token.Value}' (a path never starts with '-'; write ./{token.Value} for a file of that name)");
        }
    }
}
