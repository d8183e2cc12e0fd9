using XsRaid.Hosts;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Transport;

public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void EveryHostileArgumentReachesTheProgramAsOneUnchangedArgument(string shell)
    {
        using var dir = new TempDir();
        var marker = dir.File("pwned");
        var args = HostileArguments.WithMarker(marker);

        var result = Tool.Run(shell, ["-c", ShellQuote.Join(HostileArguments.PrintfArgv(args))]);

        // Tool.Run decodes as UTF-8; compare the same way with what printf prints for intact arguments.
        result.Stdout.ShouldBe(System.Text.Encoding.UTF8.GetString(HostileArguments.PrintfNulSeparated(args)));
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void TheMarkerPayloadDoesRunWhenLeftUnquoted()
    {
        // Control for the test above: the same payload, pasted raw, does create the marker.
        using var dir = new TempDir();
        var marker = dir.File("pwned");
        Tool.Run("dash", ["-c", $"printf '%s\\0' {HostileArguments.WithMarker(marker)[0]}"]);
        File.Exists(marker).ShouldBeTrue();
    }

    [Fact]
    public void PlainWordsStayBareSoLogsReadNaturally()
    {
        ShellQuote.Join(["mdadm", "--examine", "/dev/sda1", "--scan"]).ShouldBe("mdadm --examine /dev/sda1 --scan");
    }

    [Theory]
    [InlineData("if")]
    [InlineData("while")]
    [InlineData("{")]
    public void AReservedWordInCommandPositionIsACommandNameNotSyntax(string word)
    {
        // A shell runs the quoted word as a program (not found: 127) instead of failing on syntax (2).
        var result = Tool.Run("bash", ["-c", ShellQuote.Join([word])], check: false);
        result.ExitCode.ShouldBe(127, result.Stderr);
    }

    [Fact]
    public void TheRemoteCommandReplacesTheShellWithTheProgram()
    {
        // exec: the external printf (GNU coreutils knows --version, the bash builtin does not) ...
        Tool.Run("bash", ["-c", ShellQuote.RemoteCommand(["printf", "--version"], stdinFromDevNull: true)]).Stdout.ShouldContain("GNU coreutils");

        // ... and no shell is left to report a signal: the status is the signal's, stderr stays empty.
        var killed = Tool.Run("bash", ["-c", ShellQuote.RemoteCommand(["sh", "-c", "kill -TERM $$"], stdinFromDevNull: true)], check: false);
        killed.ExitCode.ShouldBe(128 + 15);
        killed.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public void NulAndUnpairedSurrogatesAreRefused()
    {
        Should.Throw<ArgumentException>(() => ShellQuote.Quote("a\0b")).Message.ShouldContain("NUL");
        Should.Throw<ArgumentException>(() => ShellQuote.Quote("a\ud800b")).Message.ShouldContain("surrogate");
        Should.Throw<ArgumentException>(() => ShellQuote.Join([]));
    }
}
