using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class RedHatReleaseParserTests
{
    [Theory]
    // XenServer's own line: public patch scripts split it at '-' to get "XenServer release 6.5.0".
    [InlineData("XenServer release 6.5.0-90233c (xenenterprise)\n", "XenServer", "6.5.0", "90233c", "xenenterprise", 6)]
    [InlineData("XenServer release 7.1.0-137272c (xenenterprise)\n", "XenServer", "7.1.0", "137272c", "xenenterprise", 7)]
    [InlineData("XCP-ng release 8.2.1 (xenenterprise)\n", "XCP-ng", "8.2.1", null, "xenenterprise", 8)]
    [InlineData("CentOS release 5.11 (Final)\n", "CentOS", "5.11", null, "Final", 5)]
    [InlineData("CentOS Linux release 7.9.2009 (Core)\n", "CentOS Linux", "7.9.2009", null, "Core", 7)]
    [InlineData("Red Hat Enterprise Linux Server release 5.4 (Tikanga)", "Red Hat Enterprise Linux Server", "5.4", null, "Tikanga", 5)]
    public void ReadsTheReleaseLine(string text, string product, string version, string? build, string codename, int major)
    {
        var parsed = RedHatReleaseParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.ShouldBe(new RedHatRelease(product, version, build, codename));
        parsed.Value!.MajorVersion.ShouldBe(major);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Debian GNU/Linux 12\n", "not 'PRODUCT release")]
    [InlineData("XenServer release (xenenterprise)\n", "not 'PRODUCT release")]
    public void OtherTextIsReported(string text, string problem)
    {
        var parsed = RedHatReleaseParser.Parse(text);
        parsed.Value.ShouldBeNull();
        parsed.Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void ASecondLineIsReportedButTheFirstIsRead()
    {
        var parsed = RedHatReleaseParser.Parse("CentOS release 5.11 (Final)\nextra\n");
        parsed.Value!.Version.ShouldBe("5.11");
        parsed.Issues.ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            RedHatReleaseParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
