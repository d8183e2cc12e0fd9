using System.Text;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>Inputs no parser should throw on: random bytes decoded as text, NULs, a 1 MiB line, binary noise.</summary>
internal static class HostileText
{
    public static IEnumerable<string> Samples()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            yield return "x" + Encoding.Latin1.GetString(bytes);
        }

        yield return "x" + new string('\0', 100);
        yield return "x" + new string('[', 1024 * 1024);
        yield return "x" + new string('=', 1024 * 1024) + "\n";
        yield return "\uFFFD\uFFFD\r\n\r\nzz";
    }
}
