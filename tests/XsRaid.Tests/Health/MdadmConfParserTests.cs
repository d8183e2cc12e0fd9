using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Health;

/// <summary>mdadm.conf as mdadm(5) reads it: comments, continuation lines, abbreviated keywords, tags; and mdadm's own --detail --scan output.</summary>
public sealed class MdadmConfParserTests
{
    [Fact]
    public void ReadsArraysMailAndProgram()
    {
        const string text =
            "# mdadm.conf\nDEVICE partitions\nHOMEHOST <system>\nMAILADDR root admin@example.org # both\n" +
            "ARRAY /dev/md0 metadata=1.0\n   UUID=3c1a7e41:5b0e2f7d:9a4c6b18:2e7d0f93 name=host:0\n" +
            "arr /dev/md/data uuid=8F2B6D04-71C9-E3A5-0D4E-8B62C5A1F7E9\nPROG /usr/local/sbin/alert\n";

        var parsed = MdadmConfParser.Parse(text);

        parsed.IsClean.ShouldBeTrue();
        parsed.Value.Arrays.Select(a => (a.Line, a.Device, a.Uuid)).ShouldBe([
            (5, "/dev/md0", "3c1a7e415b0e2f7d9a4c6b182e7d0f93"),
            (7, "/dev/md/data", "8f2b6d0471c9e3a50d4e8b62c5a1f7e9"),
        ]);
        parsed.Value.Arrays[0].Tags["name"].ShouldBe("host:0");
        parsed.Value.MailAddresses.ShouldBe(["root", "admin@example.org"]);
        parsed.Value.Program.ShouldBe("/usr/local/sbin/alert");
        parsed.Value.HasAlerting.ShouldBeTrue();
    }

    [Fact]
    public void ACommentedOutMailaddrIsNoAlerting()
    {
        var conf = MdadmConfParser.Parse("#MAILADDR root\nARRAY /dev/md0 UUID=3c1a7e41:5b0e2f7d:9a4c6b18:2e7d0f93\n").Value;

        conf.HasAlerting.ShouldBeFalse();
        conf.Arrays.Count.ShouldBe(1);
    }

    [Fact]
    public void ReadsTheRealMdadmDetailScanOutput()
    {
        var conf = MdadmConfParser.Parse(Fixtures.Text("md/mdstat/mdadm-detail-scan-verbose.txt")).Value;

        conf.Arrays.Count.ShouldBe(7);
        conf.Arrays[0].Device.ShouldBe("/dev/md30");
        conf.Arrays[0].Uuid.ShouldBe("199d1cf61558917c3c8531ec662ff4d9");
        conf.Arrays[0].Tags["devices"].ShouldBe("/dev/sdr1,/dev/sds1", "the indented devices= line continues the ARRAY line");
        conf.Arrays[^1].Device.ShouldBe("/dev/md/33");
    }

    [Theory]
    [InlineData("b42f2456:4047ce9f:9c9a378e:e891f8cd", "b42f24564047ce9f9c9a378ee891f8cd")]
    [InlineData("B42F2456-4047-CE9F-9C9A-378EE891F8CD", "b42f24564047ce9f9c9a378ee891f8cd")]
    [InlineData("b42f2456:4047ce9f", null)]
    [InlineData("not-a-uuid-at-all-not-a-uuid-xyz!", null)]
    public void NormalizesUuids(string text, string? expected) => MdUuids.Normalize(text).ShouldBe(expected);
}
