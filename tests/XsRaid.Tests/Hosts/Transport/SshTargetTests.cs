using XsRaid.Hosts;

namespace XsRaid.Tests.Hosts.Transport;

public sealed class SshTargetTests
{
    [Theory]
    [InlineData("10.0.0.5", "root", "10.0.0.5", 22, "root@10.0.0.5:22")]
    [InlineData("admin@xen1.example.org", "admin", "xen1.example.org", 22, "admin@xen1.example.org:22")]
    [InlineData("xen1:2222", "root", "xen1", 2222, "root@xen1:2222")]
    [InlineData("op@10.0.0.5:65535", "op", "10.0.0.5", 65535, "op@10.0.0.5:65535")]
    [InlineData("[fe80::1]", "root", "fe80::1", 22, "root@[fe80::1]:22")]
    [InlineData("root@[2001:db8::7]:2200", "root", "2001:db8::7", 2200, "root@[2001:db8::7]:2200")]
    public void ParsesUserHostAndPortWithDefaults(string text, string user, string host, int port, string name)
    {
        var target = SshTarget.Parse(text).GetValueOrThrow();
        target.ShouldBe(new SshTarget(user, host, port));
        target.ToString().ShouldBe(name);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("@host", "user")]
    [InlineData("a@b@host", "'@'")]
    [InlineData("host:0", "port")]
    [InlineData("host:65536", "port")]
    [InlineData("host:ssh", "port")]
    [InlineData("host:", "port")]
    [InlineData("fe80::1", "brackets")]
    [InlineData("[fe80::1", "']'")]
    [InlineData("[fe80::1]x", "after ']'")]
    [InlineData("host name", "white space")]
    [InlineData("-oProxyCommand=x", "host name")]
    [InlineData("root@", "host name")]
    public void RefusesMalformedTargetsSayingWhy(string text, string problem)
    {
        var result = SshTarget.Parse(text);
        result.IsOk.ShouldBeFalse();
        result.Error.Structure.ShouldBe("ssh target");
        result.Error.Problem.ShouldContain(problem);
    }
}
