using System.Buffers.Binary;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Md;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// A seeded, bounded loop of random damage to the superblocks (and bitmap superblocks) of real members.
/// Half the time the checksum is made right again, so the damage reaches the checks behind it.
/// Every call must return a ReadResult; no exception may escape.
/// </summary>
public class MdMutationTests
{
    private const int Mutations = 2000;

    private static readonly string[] Images =
    [
        "md/meta090-degraded/member-0.img.gz",
        "md/meta10-bitmap/member-0.img.gz",
        "md/meta11-clean/member-1.img.gz",
        "md/meta12-degraded-bitmap/member-0.img.gz",
        "md/meta12-failed-member/member-1.img.gz",
    ];

    private static readonly ulong[] Interesting =
        [0, 1, 2, 8, 0xff, 0xfffe, 0xffff, 1920, 1921, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 1UL << 40, long.MaxValue, ulong.MaxValue];

    private sealed record Region(byte[] Image, string Version, int Offset, int Length, bool IsSuperblock);

    [Fact]
    public void RandomDamageGivesOnlyReadResults()
    {
        var random = new Random(20261123);
        var regions = new List<Region>();
        foreach (var path in Images)
        {
            using var image = new MdFixtureImage(path);
            var sb = image.Find();
            regions.Add(new Region(image.Bytes, sb.Version, (int)sb.SuperblockOffset, MdSuperblock090.Size, true));
            if (sb.Bitmap is { } bitmap)
            {
                regions.Add(new Region(image.Bytes, sb.Version, (int)bitmap.Offset, MdBitmapSuperblock.Size, false));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Mutations; i++)
        {
            var region = regions[random.Next(regions.Count)];
            var bytes = region.Image.AsSpan(region.Offset, region.Length);
            var saved = bytes.ToArray();
            Damage(bytes, random);
            if (region.IsSuperblock && random.Next(2) == 0)
            {
                FixChecksum(bytes, region.Version);
            }

            try
            {
                foreach (var outcome in ReadEveryWay(region, random))
                {
                    seen.Add(outcome);
                }
            }
            catch (Exception e) when (e is not Shouldly.ShouldAssertException)
            {
                throw new InvalidOperationException($"mutation {i} of {region.Version} at byte {region.Offset} threw", e);
            }

            saved.CopyTo(bytes);
        }

        // The loop reached the valid path and each kind of refusal, not just the magic check.
        seen.ShouldContain("ok");
        seen.ShouldContain(nameof(FormatErrorKind.Corrupt));
        seen.ShouldContain(nameof(FormatErrorKind.NotPresent));
        seen.ShouldContain(nameof(FormatErrorKind.Truncated));
        seen.ShouldContain(nameof(FormatErrorKind.Unsupported));
    }

    private static IEnumerable<string> ReadEveryWay(Region region, Random random)
    {
        var device = new MemoryBlockSource(region.Image, region.Version);
        var span = region.Image.AsSpan(region.Offset, MdSuperblock090.Size);
        var cut = random.Next(span.Length + 1);
        var results = new List<ReadResult<MdSuperblock>>
        {
            MdSuperblockReader.Find(device),
            MdSuperblockReader.Parse090(span, region.Offset),
            MdSuperblockReader.Parse1(span, region.Version == "0.90" ? "1.0" : region.Version, region.Offset),
            MdSuperblockReader.Parse1(span, region.Version == "0.90" ? "1.0" : region.Version, region.Offset, device.Length),
            MdSuperblockReader.Parse1(span[..cut], region.Version == "0.90" ? "1.2" : region.Version, region.Offset),
        };
        var bitmap = MdBitmapSuperblockReader.Parse(span[..(cut % (MdBitmapSuperblock.Size + 1))], region.Offset);
        (bitmap.IsOk ^ bitmap.Error is not null).ShouldBeTrue();

        foreach (var all in MdSuperblockReader.FindAll(device))
        {
            results.Add(all);
        }

        foreach (var result in results)
        {
            (result.IsOk ^ result.Error is not null).ShouldBeTrue();
            if (result.IsOk)
            {
                var sb = result.Value;
                sb.ChecksumValid.ShouldBe(sb.Checksum == sb.ComputedChecksum);
                sb.ArrayState.Length.ShouldBeGreaterThanOrEqualTo(sb.RaidDevices);
                sb.ArrayUuid.Length.ShouldBe(35);
                sb.Raw.Length.ShouldBeGreaterThan(0);
                yield return "ok";
            }
            else
            {
                yield return result.Error.Kind.ToString();
            }
        }
    }

    private static void Damage(Span<byte> bytes, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1:
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[(random.Next(bytes.Length / 4) * 4)..], (uint)Pick(random));
                break;
            case 2:
                BinaryPrimitives.WriteUInt64LittleEndian(bytes[(random.Next(bytes.Length / 8) * 8)..], Pick(random));
                break;
            default:
                var at = random.Next(bytes.Length);
                random.NextBytes(bytes.Slice(at, Math.Min(random.Next(1, 65), bytes.Length - at)));
                break;
        }
    }

    private static ulong Pick(Random random) =>
        random.Next(3) == 0 ? (ulong)random.NextInt64() : Interesting[random.Next(Interesting.Length)];

    private static void FixChecksum(Span<byte> sb, string version)
    {
        if (version == "0.90")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sb[152..], MdChecksum.Compute090(sb));
            return;
        }

        var maxDev = BinaryPrimitives.ReadUInt32LittleEndian(sb[220..]);
        if (maxDev <= MdSuperblock1.MaxDevices)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sb[216..], MdChecksum.Compute1(sb, MdSuperblock1.HeaderSize + (2 * (int)maxDev)));
        }
    }
}
