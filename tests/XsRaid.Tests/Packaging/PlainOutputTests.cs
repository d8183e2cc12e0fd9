using System.Text.RegularExpressions;
using Spectre.Console;
using XsRaid.Cli;
using XsRaid.Cli.Rendering;
using XsRaid.Execution;
using XsRaid.Tests.Execution;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Packaging;

/// <summary>
/// Output stays plain (no escape sequence: no colour, no progress bar; no wrapping; ASCII borders) when stdout is not
/// a terminal or NO_COLOR is set; checked on the console <see cref="CliIo.For"/> builds and on the real program in a
/// pseudo-terminal (`script`), where it must colour without NO_COLOR.
/// </summary>
public sealed partial class PlainOutputTests
{
    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, "1", true)]
    [InlineData(true, "1", true)]
    [InlineData(false, null, false)]
    [InlineData(false, "", false)] // no-color.org: an empty NO_COLOR means nothing
    public void PlainWhenRedirectedOrNoColor(bool redirected, string? noColor, bool plain) =>
        CliIo.IsPlain(redirected, noColor).ShouldBe(plain);

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "1")]
    public void PlainConsoleWritesNoEscapesAndNoWraps(bool redirected, string? noColor)
    {
        var output = new StringWriter();
        var io = CliIo.For(output, new StringWriter(), redirected, noColor);
        io.Console.Profile.Capabilities.Ansi.ShouldBeFalse();
        io.Console.Profile.Capabilities.ColorSystem.ShouldBe(ColorSystem.NoColors);
        io.Console.Profile.Capabilities.Unicode.ShouldBeFalse();
        if (redirected)
        {
            io.Console.Profile.Capabilities.Interactive.ShouldBeFalse();
        }

        var longText = string.Concat(Enumerable.Repeat("a long refusal message ", 30));
        io.Console.MarkupLine($"[red bold]Refused[/]: {longText}");
        output.ToString().ShouldBe($"Refused: {longText}\n");
    }

    [Fact]
    public void ConvertProgressIsPlainLinesNotBars()
    {
        var output = new StringWriter();
        var io = CliIo.For(output, new StringWriter(), outputRedirected: false, noColor: "1");
        var step = SyntheticPlan.Touch("copy-root", "/nonexistent");
        using (var renderer = new ConvertConsoleRenderer(io.Console, log: null))
        {
            renderer.On(new CopyProgress(step, 1 << 20, 4 << 20, null));
            renderer.On(new CopyProgress(step, 2 << 20, 4 << 20, null)); // within 30 s of the first: not printed
        }

        output.ToString().ShouldBe(ConvertLines.Of(new CopyProgress(step, 1 << 20, 4 << 20, null)) + "\n");
    }

    [Fact]
    public void OnATerminalTheProgramColoursUnlessNoColorIsSet()
    {
        var coloured = OnATerminal(noColor: null);
        AnsiStyle().IsMatch(coloured).ShouldBeTrue($"without NO_COLOR a terminal gets colour and bold:\n{coloured}");

        var plain = OnATerminal(noColor: "1");
        AnsiStyle().IsMatch(plain).ShouldBeFalse($"NO_COLOR=1 must not colour:\n{plain}");
        // the .NET runtime itself switches the terminal's keypad mode (ESC [?1h ESC =) when it starts on one: not ours
        plain.Replace("\e[?1h\e=", "", StringComparison.Ordinal).ShouldNotContain("\e");
        plain.ShouldContain("Conversion plan for xenserver-65 (XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd)), md metadata 0.90\r\n");
        plain.ShouldContain("+-----"); // ASCII borders
    }

    [Fact]
    public void ThroughAPipeTheProgramWritesNoEscapes()
    {
        var run = ChildProcess.Run("dotnet", [CliDll, "plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb"],
            env: new Dictionary<string, string> { ["TERM"] = "xterm-256color" }).ShouldSucceed("xsraid plan");
        run.Stdout.ShouldNotContain("\e");
        run.Stdout.ShouldBe(CliRun.Of("plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb").Console);
    }

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "XsRaid.Cli.dll");

    /// <summary>`xsraid plan` with its stdout on a pseudo-terminal (util-linux `script`), as a person would run it.</summary>
    private static string OnATerminal(string? noColor)
    {
        var env = new Dictionary<string, string> { ["TERM"] = "xterm-256color" };
        if (noColor is not null)
        {
            env["NO_COLOR"] = noColor;
        }

        var command = $"dotnet '{CliDll}' plan --sample xenserver-6.5 --target /dev/sdb";
        return ChildProcess.Run(Tool.Require("script"), ["-qec", command, "/dev/null"], env: env).ShouldSucceed("script").Stdout;
    }

    [GeneratedRegex("\e\\[[0-9;]*m")]
    private static partial Regex AnsiStyle();
}
