using System.Diagnostics;
using XsRaid.Devices;
using XsRaid.Formats;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>
/// A seeded, bounded mutation loop over the bytes of a real image: each round overwrites a few bytes in one
/// of the given regions (or flips one bit, or cuts the image short), runs the reader, and puts the bytes back.
/// Any exception fails the test with the seed and round; the tally shows what the reader made of them.
/// Shared by the ext, swap and LVM corruption tests.
/// </summary>
public static class MutationLoop
{
    public sealed record Tally(int Ok, IReadOnlyDictionary<FormatErrorKind, int> Errors, TimeSpan Elapsed)
    {
        public int ErrorCount(FormatErrorKind kind) => Errors.GetValueOrDefault(kind);
    }

    public static Tally Run<T>(
        byte[] image,
        IReadOnlyList<(int Start, int Length)> regions,
        Func<IBlockSource, ReadResult<T>> read,
        int rounds = 2000,
        int seed = 20261123)
        where T : class
    {
        var random = new Random(seed);
        var ok = 0;
        var errors = new Dictionary<FormatErrorKind, int>();
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var (start, length) = regions[random.Next(regions.Count)];
            var kind = random.Next(10);
            var length2 = image.Length;
            var saved = new List<(int At, byte Value)>();
            if (kind == 0)
            {
                length2 = random.Next(image.Length + 1); // cut short
            }
            else if (kind <= 3)
            {
                var at = start + random.Next(length);
                saved.Add((at, image[at]));
                image[at] ^= (byte)(1 << random.Next(8));
            }
            else
            {
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    var at = start + random.Next(length);
                    saved.Add((at, image[at]));
                    image[at] = (byte)random.Next(256);
                }
            }

            ReadResult<T> result;
            try
            {
                result = read(new MemoryBlockSource(image.AsMemory(0, length2), $"mutation {round}"));
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"seed {seed} round {round}: the reader threw {e}", e);
            }
            finally
            {
                for (var i = saved.Count - 1; i >= 0; i--)
                {
                    image[saved[i].At] = saved[i].Value;
                }
            }

            if (result.IsOk)
            {
                ok++;
            }
            else
            {
                errors[result.Error.Kind] = errors.GetValueOrDefault(result.Error.Kind) + 1;
            }
        }

        return new Tally(ok, errors, watch.Elapsed);
    }
}
