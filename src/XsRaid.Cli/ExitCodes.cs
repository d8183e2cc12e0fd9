namespace XsRaid.Cli;

/// <summary>The exit codes users and scripts rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Refused = 3;
}
