using System.Text;

namespace XsRaid.Tests.Hosts.Transport;

/// <summary>
/// Arguments a shell would love to interpret. Each must reach the program as exactly one argument, unchanged;
/// the ones that would run `touch MARKER` if a shell saw them unquoted leave a file behind when quoting fails.
/// </summary>
internal static class HostileArguments
{
    public static IReadOnlyList<string> WithMarker(string marker) =>
    [
        $"$(touch {marker})", $"`touch {marker}`", $";touch {marker}", ";reboot", $"&& touch {marker}",
        $"| touch {marker}", $"\ntouch {marker}\n", $"'; touch {marker}; '", $"\"; touch {marker}; \"",
        "it's", "\"double\"", "a'b\"c\\d", "two  words", " lead and trail ", "tab\there", "line1\r\nline2",
        "", "$HOME", "${PATH}", "*", "?", "[a]", "{a,b}", "~", "~root", "-n", "--", "#comment", "a=b", "!!", "%1",
        "\\", "'", "''", "é ü 日本 🙂", "if", "time",
    ];

    /// <summary>What `printf '%s\0' ARGS...` prints when every argument arrives intact.</summary>
    public static byte[] PrintfNulSeparated(IEnumerable<string> args)
    {
        var bytes = new List<byte>();
        foreach (var arg in args)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(arg));
            bytes.Add(0);
        }

        return [.. bytes];
    }

    /// <summary>argv for printf '%s\0' with <paramref name="args"/> after the format.</summary>
    public static IReadOnlyList<string> PrintfArgv(IEnumerable<string> args) => ["printf", "%s\\0", .. args];
}
