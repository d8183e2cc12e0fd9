using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Swap;
using XsRaid.Tests.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Swap;

/// <summary>Real mkswap headers cut short or damaged: typed errors, never exceptions.</summary>
public sealed class SwapHeaderCorruptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0, FormatErrorKind.NotPresent)]
    [InlineData(4085, FormatErrorKind.NotPresent)]
    [InlineData(4095, FormatErrorKind.NotPresent)]
    [InlineData(4096, FormatErrorKind.Truncated)]
    [InlineData(SwapHeaderReader.MinimumDeviceBytes - 1, FormatErrorKind.Truncated)]
    public void Truncated_devices_give_typed_errors(int length, FormatErrorKind expected)
    {
        var image = Head(4096, length);

        var result = SwapHeaderReader.Read(new MemoryBlockSource(image));

        result.Error!.Kind.ShouldBe(expected);
    }

    [Fact]
    public void At_the_minimum_size_the_header_is_read()
    {
        SwapHeaderReader.Read(new MemoryBlockSource(Head(4096, SwapHeaderReader.MinimumDeviceBytes))).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void A_64k_page_swap_cut_before_its_signature_is_not_present()
    {
        SwapHeaderReader.Read(new MemoryBlockSource(Head(65536, 65535))).Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1027)]
    [InlineData(1100)]
    public void Parse_of_a_short_page_is_truncated(int length)
    {
        var page = Head(4096, 4096).AsSpan(0, length);

        SwapHeaderReader.Parse(page, 4096, SwapHeaderReader.SignatureV1).Error!.Kind.ShouldBe(FormatErrorKind.Truncated);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(65536)]
    public void Seeded_mutations_of_real_headers_never_throw(int pageSize)
    {
        var image = Head(pageSize, 256 * 1024);

        var tally = MutationLoop.Run(
            image, [(pageSize - 10, 10), (1024, 48), (1196, 8)], SwapHeaderReader.Read);

        tally.Ok.ShouldBeGreaterThan(0);
        tally.ErrorCount(FormatErrorKind.NotPresent).ShouldBeGreaterThan(0);
        tally.ErrorCount(FormatErrorKind.Unsupported).ShouldBeGreaterThan(0);
        tally.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    private byte[] Head(int pageSize, int length)
    {
        var (path, _) = SwapImage.Make(_dir, $"swap-{pageSize}.img", SwapImage.DefaultBytes, "-L", "mutated", "-p", $"{pageSize}");
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return source.Read(0, length).GetValueOrThrow();
    }
}
