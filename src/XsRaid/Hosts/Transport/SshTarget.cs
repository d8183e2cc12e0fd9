using System.Globalization;
using System.Net;
using System.Net.Sockets;
using XsRaid.Formats;

namespace XsRaid.Hosts;

/// <summary>Who to log in as, where: parsed from "[user@]host[:port]" (user root and port 22 by default).</summary>
public sealed record SshTarget(string User, string Host, int Port)
{
    private const string Structure = "ssh target";

    public const string DefaultUser = "root";

    public const int DefaultPort = 22;

    /// <summary>The host as written in a "host:port" pair: an IPv6 address in brackets.</summary>
    public string HostForDisplay => IsIPv6(Host) ? $"[{Host}]" : Host;

    /// <summary>"root@10.0.0.5:22", "root@[fe80::1]:2222".</summary>
    public override string ToString() => $"{User}@{HostForDisplay}:{Port}";

    /// <summary>
    /// Parses "[user@]host[:port]"; an IPv6 address must be in brackets ("[fe80::1]:22", "root@[::1]").
    /// Every problem is a <see cref="FormatError"/> saying what is wrong with the text.
    /// </summary>
    public static ReadResult<SshTarget> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Bad(text, "is empty; expected [user@]host[:port]");
        }

        if (text.Any(char.IsWhiteSpace) || text.Any(char.IsControl))
        {
            return Bad(text, "contains white space or control characters");
        }

        var user = DefaultUser;
        var rest = text;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            user = text[..at];
            rest = text[(at + 1)..];
            if (user.Length == 0 || rest.Contains('@', StringComparison.Ordinal))
            {
                return Bad(text, "has an empty user name or more than one '@'");
            }
        }

        var split = SplitHostPort(text, rest);
        if (!split.IsOk)
        {
            return split.Error;
        }

        var (host, portText) = split.Value;
        if (host.Length == 0 || host.StartsWith('-') || host.IndexOfAny(['/', '\\', '[', ']']) >= 0)
        {
            return Bad(text, $"has no usable host name ('{host}')");
        }

        var port = DefaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return Bad(text, $"has port '{portText}'; a port is a number from 1 to 65535");
        }

        return new SshTarget(user, host, port);
    }

    private static ReadResult<HostAndPort> SplitHostPort(string text, string rest)
    {
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return Bad(text, "opens '[' without a closing ']'");
            }

            var after = rest[(close + 1)..];
            if (after.Length > 0 && !after.StartsWith(':'))
            {
                return Bad(text, $"has '{after}' after ']'; expected nothing or :port");
            }

            return new HostAndPort(rest[1..close], after.Length > 0 ? after[1..] : null);
        }

        var colons = rest.Count(c => c == ':');
        if (colons > 1)
        {
            return Bad(text, $"looks like a bare IPv6 address; write it in brackets: [{rest}] or [{rest}]:22");
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new HostAndPort(rest, null) : new HostAndPort(rest[..colon], rest[(colon + 1)..]);
    }

    private static bool IsIPv6(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static FormatError Bad(string text, string problem) =>
        FormatError.Corrupt(Structure, $"'{text}' {problem}");

    private sealed record HostAndPort(string Host, string? Port);
}
