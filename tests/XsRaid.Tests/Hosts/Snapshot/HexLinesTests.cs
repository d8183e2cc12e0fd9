using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Snapshot;

/// <summary>
/// The probe's hex dumps, made by the real od in both forms it has used: `od -Ad -tx1` (runs of equal lines
/// written once, then "*") and the older `od -An -v -tx1` of saved snapshots.
/// </summary>
public sealed class HexLinesTests
{
    public static TheoryData<string> Shapes => ["zeros", "mbr-then-zeros", "repeating-pattern", "odd-length", "random", "empty"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BothOdFormsDecodeToTheBytes(string shape)
    {
        var bytes = Bytes(shape);
        HexLines.Decode(Od(bytes, "-Ad", "-tx1"), bytes.Length).ShouldBe(bytes);
        HexLines.Decode(Od(bytes, "-An", "-v", "-tx1"), bytes.Length).ShouldBe(bytes);
    }

    [Fact]
    public void TheAddressedFormOfAMostlyZeroMebibyteIsSmall()
    {
        var bytes = Bytes("mbr-then-zeros");
        var addressed = Od(bytes, "-Ad", "-tx1");
        addressed.Sum(l => l.Length + 1).ShouldBeLessThan(4096);
        addressed.ShouldContain("*");
        Od(bytes, "-An", "-v", "-tx1").Sum(l => l.Length + 1).ShouldBeGreaterThan(3 * bytes.Length);
    }

    [Fact]
    public void ABoundCapsTheBytesEvenWhenARunClaimsMore()
    {
        string[] dump = ["0000000 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10", "*", "9999999999999984"];
        var bytes = HexLines.Decode(dump, 40).ShouldNotBeNull();
        bytes.Length.ShouldBe(40);
        bytes[32].ShouldBe((byte)1);
    }

    [Fact]
    public void ADumpCutBeforeItsEndGivesTheBytesBeforeTheCut()
    {
        var bytes = Bytes("random");
        var dump = Od(bytes, "-Ad", "-tx1");
        HexLines.Decode(dump.Take(3), bytes.Length).ShouldBe(bytes[..48]);
    }

    [Theory]
    [InlineData("a run with no end offset", new[] { "0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "*" })]
    [InlineData("a run first", new[] { "*", "0000032" })]
    [InlineData("two run marks", new[] { "0000000 00 00", "*", "*", "0000008" })]
    [InlineData("an offset going back", new[] { "0000000 00 01", "0000000 02 03" })]
    [InlineData("an offset skipping bytes", new[] { "0000000 00 01", "0000009 02 03" })]
    [InlineData("a run ending inside a line", new[] { "0000000 00 01 02 03", "*", "0000006" })]
    [InlineData("a word for an offset", new[] { "0000000 00 01", "later 02 03" })]
    [InlineData("a negative offset", new[] { "-000001 00 01" })]
    [InlineData("a three-digit byte", new[] { "0000000 100 01" })]
    [InlineData("a non-hex byte", new[] { "  0a zz" })]
    public void GarbageIsNotADump(string what, string[] dump)
    {
        HexLines.Decode(dump, 1 << 20).ShouldBeNull(what);
    }

    private static List<string> Od(byte[] bytes, params string[] options)
    {
        using var dir = new TempDir();
        var path = dir.File("region");
        File.WriteAllBytes(path, bytes);
        return [.. Tool.Run("od", [.. options, path]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static byte[] Bytes(string shape)
    {
        var random = new Random(20261207);
        switch (shape)
        {
            case "zeros":
                return new byte[1 << 20];
            case "mbr-then-zeros":
                var disk = new byte[1 << 20];
                random.NextBytes(disk.AsSpan(0, 440));
                disk[510] = 0x55;
                disk[511] = 0xaa;
                "EFI PART"u8.CopyTo(disk.AsSpan(512));
                random.NextBytes(disk.AsSpan(1024, 256));
                return disk;
            case "repeating-pattern":
                return [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i % 16 == 0 ? 0xe5 : i % 16))];
            case "odd-length":
                var odd = new byte[1000];
                random.NextBytes(odd.AsSpan(0, 7));
                return odd;
            case "random":
                var noise = new byte[4096];
                random.NextBytes(noise);
                return noise;
            default:
                return [];
        }
    }
}
