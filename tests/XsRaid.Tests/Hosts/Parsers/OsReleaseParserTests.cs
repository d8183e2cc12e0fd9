using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class OsReleaseParserTests
{
    /// <summary>CentOS 7's os-release (centos-release package), the base of XenServer 7+/XCP-ng 8 dom0.</summary>
    private const string CentOs7 =
        "NAME=\"CentOS Linux\"\nVERSION=\"7 (Core)\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"7\"\n" +
        "PRETTY_NAME=\"CentOS Linux 7 (Core)\"\nANSI_COLOR=\"0;31\"\nCPE_NAME=\"cpe:/o:centos:centos:7\"\n" +
        "HOME_URL=\"https://www.centos.org/\"\nBUG_REPORT_URL=\"https://bugs.centos.org/\"\n\n" +
        "CENTOS_MANTISBT_PROJECT=\"CentOS-7\"\nCENTOS_MANTISBT_PROJECT_VERSION=\"7\"\n" +
        "REDHAT_SUPPORT_PRODUCT=\"centos\"\nREDHAT_SUPPORT_PRODUCT_VERSION=\"7\"\n\n";

    public static TheoryData<string> Files()
    {
        // /etc/os-release is often a link to /usr/lib/os-release: each distinct text once.
        var texts = new[] { "/etc/os-release", "/usr/lib/os-release" }.Where(File.Exists).Select(File.ReadAllText).Prepend(CentOs7);
        var data = new TheoryData<string>();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryValueIsWhatTheShellReads(string text)
    {
        var parsed = OsReleaseParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        ShellOracle.ShouldAgree(parsed.Value.Values, text);
        parsed.Value.Id.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void TheLiveFileIdentifiesThisDebian()
    {
        var live = OsReleaseParser.Parse(File.ReadAllText("/etc/os-release")).Value;
        live.Id.ShouldBe("debian");
        live.VersionId.ShouldBe(File.ReadAllText("/etc/debian_version").Split('.')[0].Trim());
    }

    [Fact]
    public void ReadsTheCentOsFields()
    {
        var centos = OsReleaseParser.Parse(CentOs7).Value;
        centos.Id.ShouldBe("centos");
        centos.IdLike.ShouldBe(["rhel", "fedora"]);
        centos.VersionId.ShouldBe("7");
        centos.PrettyName.ShouldBe("CentOS Linux 7 (Core)");
        OsReleaseParser.Parse("").Value.Id.ShouldBe("linux"); // os-release(5): ID defaults to "linux"
    }
}
