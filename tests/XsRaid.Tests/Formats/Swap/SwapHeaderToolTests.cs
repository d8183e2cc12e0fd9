using System.Buffers.Binary;
using System.Text;
using XsRaid.Formats.Swap;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Swap;

/// <summary>mkswap-made swap areas (and real ones changed in ways blkid has rules for), compared with blkid -p.</summary>
public sealed class SwapHeaderToolTests
{
    [Theory]
    [InlineData(4096)]
    [InlineData(8192)]
    [InlineData(16384)]
    [InlineData(32768)]
    [InlineData(65536)]
    public void Label_uuid_version_and_size_match_blkid_and_mkswap_for_each_page_size(int pageSize)
    {
        using var dir = new TempDir();
        var uuid = Guid.NewGuid().ToString("D");
        var (image, reportedBytes) = SwapImage.Make(
            dir, "swap.img", SwapImage.DefaultBytes, "-L", $"swap-{pageSize}", "-U", uuid, "-p", $"{pageSize}");

        var header = SwapImage.AgreesWithBlkid(image)!;

        header.PageSize.ShouldBe(pageSize);
        header.Signature.ShouldBe(SwapHeaderReader.SignatureV1);
        header.UuidText.ShouldBe(uuid);
        ((ulong)header.LastPage * (ulong)pageSize).ShouldBe(reportedBytes); // mkswap reports last_page pages
        header.BigEndian.ShouldBeFalse();
        header.BadPageCount.ShouldBe(0u);
        header.Raw.Length.ShouldBe(pageSize);
    }

    [Fact]
    public void No_label_and_a_cleared_uuid_are_absent_as_in_blkid()
    {
        using var dir = new TempDir();
        var (image, _) = SwapImage.Make(dir, "swap.img", SwapImage.DefaultBytes, "-U", "clear");

        var header = SwapImage.AgreesWithBlkid(image)!;

        header.Label.ShouldBe("");
        header.Uuid.ShouldBeNull();
    }

    [Fact]
    public void The_smallest_swap_mkswap_makes_is_read()
    {
        using var dir = new TempDir();
        var (image, reportedBytes) = SwapImage.Make(dir, "swap.img", SwapHeaderReader.MinimumDeviceBytes, "-L", "tiny");

        var header = SwapImage.AgreesWithBlkid(image)!;

        ((ulong)header.LastPage * (ulong)header.PageSize).ShouldBe(reportedBytes);
    }

    public static TheoryData<string, Action<FileStream>> Changes => new()
    {
        { "old SWAP-SPACE signature", fs => Write(fs, 4086, Encoding.ASCII.GetBytes(SwapHeaderReader.SignatureV0)) },
        { "header words byte-swapped", fs => SwapWords(fs, 1024, 1028, 1032) },
        { "version 2", fs => Write(fs, 1024, [2, 0, 0, 0]) },
        { "last_page 0", fs => Write(fs, 1028, [0, 0, 0, 0]) },
        { "garbage in padding[32]", fs => Write(fs, 1196, [1, 0, 0, 0]) },
        { "garbage in padding[33]", fs => Write(fs, 1200, [0, 0, 0, 9]) },
        { "a bad page count", fs => Write(fs, 1032, [3, 0, 0, 0]) },
        { "signature damaged", fs => Write(fs, 4095, "3"u8.ToArray()) },
        { "cut under blkid's 10-page minimum", fs => fs.SetLength(SwapHeaderReader.MinimumDeviceBytes - 1) },
        { "cut to one page", fs => fs.SetLength(4096) },
        { "cut inside the first page", fs => fs.SetLength(4095) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changed_headers_are_judged_as_blkid_judges_them(string change, Action<FileStream> apply)
    {
        using var dir = new TempDir();
        var (image, _) = SwapImage.Make(dir, "swap.img", SwapImage.DefaultBytes, "-L", "changed", "-U", Guid.NewGuid().ToString());
        var before = SwapImage.Read(image).GetValueOrThrow();
        using (var fs = new FileStream(image, FileMode.Open, FileAccess.ReadWrite))
        {
            apply(fs);
        }

        var after = SwapImage.AgreesWithBlkid(image);

        _ = change; // the case's name, shown by the runner
        if (after is { Version: 1 })
        {
            after.LastPage.ShouldBe(before.LastPage);
        }
    }

    [Fact]
    public void Byte_swapped_header_is_read_as_big_endian()
    {
        using var dir = new TempDir();
        var (image, _) = SwapImage.Make(dir, "swap.img", SwapImage.DefaultBytes, "-L", "be");
        var before = SwapImage.Read(image).GetValueOrThrow();
        using (var fs = new FileStream(image, FileMode.Open, FileAccess.ReadWrite))
        {
            SwapWords(fs, 1024, 1028, 1032);
        }

        var after = SwapImage.AgreesWithBlkid(image)!;

        after.BigEndian.ShouldBeTrue();
        after.LastPage.ShouldBe(before.LastPage);
    }

    private static void Write(FileStream fs, long at, byte[] bytes)
    {
        fs.Position = at;
        fs.Write(bytes);
    }

    private static void SwapWords(FileStream fs, params long[] offsets)
    {
        var word = new byte[4];
        foreach (var at in offsets)
        {
            fs.Position = at;
            fs.ReadExactly(word);
            BinaryPrimitives.WriteUInt32BigEndian(word, BinaryPrimitives.ReadUInt32LittleEndian(word));
            Write(fs, at, word);
        }
    }
}
