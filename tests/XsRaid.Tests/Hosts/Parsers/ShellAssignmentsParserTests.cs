using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class ShellAssignmentsParserTests
{
    [Theory]
    [InlineData("A=plain\nB='single $x \"q\"'\nC=\"double \\\"q\\\" \\$ \\\\ \\n\"\n")]
    [InlineData("# comment\n\n  D=mixed'part'\"two\"\\ three\nE=\nF=''\nD=later # trailing comment\n")]
    [InlineData("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\r\nID=debian\r\n")]
    public void AgreesWithTheShell(string text)
    {
        var parsed = ShellAssignmentsParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        ShellOracle.ShouldAgree(parsed.Value.ToDictionary(), text.Replace("\r", "", StringComparison.Ordinal));
    }

    public static TheoryData<string> ExportFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Fixtures.Root, "*export*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixtures.Root, path));
        }

        return data;
    }

    [Fact]
    public void FindsTheExportFixtures()
    {
        ExportFixtures().Count.ShouldBeGreaterThan(50);
    }

    /// <summary>mdadm --detail/--examine --export and blkid -o export write shell assignments too.</summary>
    [Theory]
    [MemberData(nameof(ExportFixtures))]
    public void EveryExportFixtureAgreesWithTheShell(string relative)
    {
        var text = Fixtures.Text(relative);
        var parsed = ShellAssignmentsParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        ShellOracle.ShouldAgree(parsed.Value.ToDictionary(), text);
    }

    [Theory]
    [InlineData("A=$HOME\n", "expansion")]
    [InlineData("A=\"x`id`\"\n", "expansion")]
    [InlineData("A=two words\n", "split")]
    [InlineData("A='open\n", "unterminated single")]
    [InlineData("A=\"open\n", "unterminated double")]
    [InlineData("A=x;rm\n", "operator")]
    [InlineData("A=x\\\n", "backslash at the end")]
    [InlineData("export A=1\n", "not a NAME=value")]
    [InlineData("1A=1\n", "not a NAME=value")]
    [InlineData("just words\n", "not a NAME=value")]
    public void WhatTheShellWouldExpandOrSplitIsReported(string text, string problem)
    {
        ShellAssignmentsParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void TheLaterAssignmentWins()
    {
        var parsed = ShellAssignmentsParser.Parse("A=1\nA=2\n").Value;
        parsed.Get("A").ShouldBe("2");
        parsed.Items.Count.ShouldBe(2);
        parsed.Get("B").ShouldBeNull();
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            ShellAssignmentsParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }
}
