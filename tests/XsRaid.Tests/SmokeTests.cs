using XsRaid.Devices;

namespace XsRaid.Tests;

public class MemoryBlockSourceTests
{
    [Fact]
    public void ReadOutsideTheSourceIsATypedError()
    {
        var source = new MemoryBlockSource(new byte[1024]);
        var result = source.Read(1000, 100);
        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(XsRaid.Formats.FormatErrorKind.Truncated);
    }
}
