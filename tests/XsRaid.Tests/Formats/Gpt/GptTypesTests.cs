using System.Globalization;
using XsRaid.Formats.Gpt;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>Every code in <see cref="GptTypes"/> is given to sgdisk -t, and sgdisk's GUID, name and code come back.</summary>
public sealed class GptTypesTests
{
    [Fact]
    public void Every_known_code_has_sgdisks_guid_and_name()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("types.img", GptTestImages.MiB * 32);
        var codes = GptTypes.KnownCodes;
        List<string> args = [];
        for (var i = 0; i < codes.Count; i++)
        {
            args.AddRange(["-n", $"{i + 1}:0:+1M", "-t", $"{i + 1}:{codes[i]}"]);
        }

        args.Add(img);
        Tool.Run("sgdisk", args); // one run: each sgdisk write waits a second for the kernel
        var rows = SgdiskPrint.Of(img).Rows;
        rows.Count.ShouldBe(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var info = SgdiskPartitionInfo.Of(img, i + 1);
            GptTypes.GuidOf(codes[i]).ShouldBe(info.TypeGuid, codes[i]);
            GptTypes.NameOf(info.TypeGuid).ShouldBe(info.TypeName, codes[i]);
            GptTypes.CodeOf(info.TypeGuid).ShouldBe(rows[i].Code, codes[i]);
            GptTypes.GuidOf(codes[i].ToLower(CultureInfo.InvariantCulture)).ShouldBe(info.TypeGuid);
        }
    }

    [Fact]
    public void An_unknown_guid_is_FFFF_Unknown_as_sgdisk_shows_it()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("unknown.img", GptTestImages.MiB * 4);
        var type = Guid.NewGuid();
        Tool.Run("sgdisk", "-n", "1:0:0", "-t", $"1:{type}", img);

        var info = SgdiskPartitionInfo.Of(img, 1);
        info.TypeGuid.ShouldBe(type);
        GptTypes.NameOf(type).ShouldBe(info.TypeName);
        GptTypes.CodeOf(type).ShouldBe(SgdiskPrint.Of(img).Rows.Single().Code);
        GptTypes.GuidOf("ABCD").ShouldBe(Guid.Empty);
    }
}
