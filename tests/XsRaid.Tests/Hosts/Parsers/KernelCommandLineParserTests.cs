using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class KernelCommandLineParserTests
{
    [Fact]
    public void TheLiveCommandLineSplitsIntoItsBlankSeparatedWords()
    {
        var text = File.ReadAllText("/proc/cmdline");
        var parsed = KernelCommandLineParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        text.ShouldNotContain("\"", customMessage: "this machine's command line has quotes: the word check below would not hold");

        var words = text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var dash = Array.IndexOf(words, "--");
        var kernelWords = dash < 0 ? words : words[..dash];
        parsed.Value.Arguments.Select(a => a.Value is null ? a.Name : a.Name + "=" + a.Value).ShouldBe(kernelWords);
    }

    [Fact]
    public void InitArgumentsAreWhatTheKernelGaveInit()
    {
        // The kernel hands everything after "--" to init as argv[1..]; /proc/1/cmdline is init's argv.
        var parsed = KernelCommandLineParser.Parse(File.ReadAllText("/proc/cmdline")).Value;
        var initArgv = File.ReadAllText("/proc/1/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (parsed.InitArguments.Count > 0)
        {
            initArgv[1..].ShouldBe(parsed.InitArguments);
        }
        else
        {
            parsed.Text.Split(' ').ShouldNotContain("--");
        }
    }

    [Fact]
    public void ReadsTheDom0ArgumentsOfXenServer65()
    {
        // The middle part of the real XenServer 6.5 "xe" entry (see HostFileSamples.XenServer65Extlinux).
        var parsed = KernelCommandLineParser.Parse(
            "root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Root.ShouldBe("LABEL=root-qvcoinzp");
        parsed.Value.Get("console").ShouldBe("tty0"); // the last one wins, as in the kernel
        parsed.Value.Has("ro").ShouldBeTrue();
        parsed.Value.Get("ro").ShouldBeNull();
        parsed.Value.InitArguments.ShouldBeEmpty();
    }

    [Fact]
    public void QuotesFollowTheKernelsRules()
    {
        // lib/cmdline.c next_arg(): blanks inside double quotes do not split; quotes around the value or the
        // whole argument are dropped; "--" hands the rest to init.
        const string text = "a=\"b c\" \"d=e f\" g root=/dev/md0 -- single \"x y\"\n";
        var line = KernelCommandLineParser.Parse(text).Value;
        line.Arguments.Select(a => (a.Name, a.Value)).ShouldBe([("a", "b c"), ("d", "e f"), ("g", null), ("root", "/dev/md0")]);
        line.InitArguments.ShouldBe(["single", "\"x y\""]);
        var root = line.Arguments.Single(a => a.Name == "root");
        text.Substring(root.ValueStart, root.ValueLength).ShouldBe("/dev/md0");
        text.Substring(root.Start, root.Length).ShouldBe("root=/dev/md0");
    }

    [Theory]
    [InlineData("root=\"/dev/md0 ro", "unterminated")]
    [InlineData("ro\nquiet", "one line")]
    public void MalformedInputBecomesIssues(string text, string problem)
    {
        KernelCommandLineParser.Parse(text).Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            _ = KernelCommandLineParser.Parse(garbage);
        }

        KernelCommandLineParser.Parse(new string('"', 3)).Issues.ShouldNotBeEmpty();
        KernelCommandLineParser.Parse(new string('x', 1024 * 1024)).Issues.ShouldNotBeEmpty();
    }
}
