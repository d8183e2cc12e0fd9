using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class PairsOutputParserTests
{
    [Fact]
    public void TheLsblkPairsCaptureAgreesWithTheJsonCaptureOfTheSameListing()
    {
        var pairs = LsblkFixture.PairsRows();
        var json = LsblkFixture.JsonRows(Fixtures.Text("outputs/lsblk-J-b.json"));
        pairs.Count.ShouldBe(json.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            pairs[i].Pairs.Select(p => p.Key).ShouldBe(json[i].Keys);
            foreach (var (column, value) in pairs[i].Pairs)
            {
                value.ShouldBe(json[i][column], $"row {i} {column}");
            }
        }
    }

    [Fact]
    public void LiveLsblkPairsAgreeWithLiveLsblkJson()
    {
        const string columns = "NAME,KNAME,TYPE,SIZE,RO,MAJ:MIN,MOUNTPOINT";
        var pairs = PairsOutputParser.Parse(Tool.Run("lsblk", "-P", "-b", "-o", columns).Stdout);
        pairs.Issues.ShouldBeEmpty();
        var json = LsblkFixture.JsonRows(Tool.Run("lsblk", "-J", "-b", "-o", columns).Stdout);
        pairs.Value.Count.ShouldBe(json.Count);
        pairs.Value.Count.ShouldBeGreaterThan(0);
        for (var i = 0; i < json.Count; i++)
        {
            pairs.Value[i].Get("KNAME").ShouldBe(json[i]["KNAME"]);
            pairs.Value[i].GetLong("SIZE").ShouldBe(long.Parse(json[i]["SIZE"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void DecodesHexEscapes()
    {
        // util-linux writes '"', '\', '`', '$' and control characters inside values as \xHH.
        var parsed = PairsOutputParser.Parse("LABEL=\"a\\x22b\\x5cc\\x20d\" UUID=\"\"\nNAME=\"caf\\xc3\\xa9\"\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value[0].Get("LABEL").ShouldBe("a\"b\\c d");
        parsed.Value[0].Get("UUID").ShouldBe("");
        parsed.Value[1].Get("NAME").ShouldBe("café");
        parsed.Value[1].Get("MISSING").ShouldBeNull();
    }

    [Theory]
    [InlineData("NAME=sda", "NAME=\"value\"")]
    [InlineData("NAME=\"sda", "unterminated")]
    [InlineData("NAME=\"a\\q\"", "escape")]
    [InlineData("NAME=\"a\\x4\"", "escape")]
    [InlineData("NAME=\"a\"SIZE=\"1\"", "no blank")]
    public void MalformedLinesBecomeIssues(string line, string problem)
    {
        PairsOutputParser.Parse(line).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            PairsOutputParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
