using Spectre.Console;
using Spectre.Console.Rendering;
using XsRaid.Cli.Commands;
using XsRaid.Planning;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Execution;

/// <summary>The confirmation before `convert` writes: the target's serial or a by-id name must be typed, nothing else.</summary>
public sealed class ConfirmationTests
{
    private static readonly DiskIdentity Target = SampleHost.Load("lab-debian").Plan().Plan!.Target;

    [Fact]
    public void TheSerialAndTheDisksByIdNamesAreAccepted()
    {
        var accepted = ConvertCommand.Accepted(Target);

        accepted.ShouldContain(Target.BestName);
        accepted.ShouldContain("/dev/disk/by-id/" + Target.BestName);
        accepted.ShouldNotContain(Target.Device, "a device name can change between boots; it does not confirm which disk");
        accepted.ShouldAllBe(n => !n.Contains("-part", StringComparison.Ordinal));
        accepted.ShouldContain("wwn-0x5000c50015ea0b02", "the sample's target has a WWN name too");
        ConvertCommand.Accepted(Target with { Serial = "Z1X2Y3" }).ShouldContain("Z1X2Y3");
    }

    [Fact]
    public void ADiskWithoutSerialOrByIdNamesIsConfirmedByItsDevicePath()
    {
        ConvertCommand.Accepted(Target with { Serial = null, ByIdNames = [] }).ShouldBe(new HashSet<string> { Target.Device });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAnswerIsTypedAtThePrompt(bool right)
    {
        var console = new TypingConsole(right ? Target.BestName : Target.Device);

        ConvertCommand.Confirmed(console, Target).ShouldBe(right);
        console.Output.ShouldContain($"All data on {Target.Device} will be lost");
    }

    /// <summary>A non-ANSI console whose keyboard types <paramref name="text"/> and Enter.</summary>
    private sealed class TypingConsole(string text) : IAnsiConsole
    {
        private readonly System.Text.StringBuilder _output = new();
        private readonly IAnsiConsole _inner = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(new StringWriter()) });
        private readonly Keys _keys = new(text);

        public string Output => _output.ToString();

        public Profile Profile => _inner.Profile;

        public IAnsiConsoleCursor Cursor => _inner.Cursor;

        public IAnsiConsoleInput Input => _keys;

        public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

        public RenderPipeline Pipeline => _inner.Pipeline;

        public void Clear(bool home)
        {
        }

        public void Write(IRenderable renderable)
        {
            foreach (var segment in renderable.GetSegments(_inner))
            {
                _output.Append(segment.Text);
            }
        }

        public void WriteAnsi(Action<AnsiWriter> action)
        {
        }

        private sealed class Keys(string text) : IAnsiConsoleInput
        {
            private readonly Queue<ConsoleKeyInfo> _keys = new([.. text.Select(c => new ConsoleKeyInfo(c, 0, false, false, false)), new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)]);

            public bool IsKeyAvailable() => _keys.Count > 0;

            public ConsoleKeyInfo? ReadKey(bool intercept) => _keys.Count > 0 ? _keys.Dequeue() : null;

            public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
        }
    }
}
