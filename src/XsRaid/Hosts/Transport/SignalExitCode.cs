namespace XsRaid.Hosts;

/// <summary>
/// Turns the signal name an SSH server reports for a killed command (RFC 4254 §6.10, "KILL", "TERM", ...)
/// into the exit code a POSIX shell would give: 128 + the Linux signal number.
/// </summary>
internal static class SignalExitCode
{
    private static readonly Dictionary<string, int> LinuxSignalNumbers = new(StringComparer.Ordinal)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["ABRT"] = 6, ["FPE"] = 8, ["KILL"] = 9,
        ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12, ["PIPE"] = 13, ["ALRM"] = 14, ["TERM"] = 15,
    };

    /// <summary>128 + the signal number; 128 + 0 = 128 when the name is not one RFC 4254 lists.</summary>
    public static int For(string signalName) => 128 + LinuxSignalNumbers.GetValueOrDefault(signalName);
}
