using System.Text.RegularExpressions;

namespace XsRaid.Planning;

/// <summary>
/// Kernel names that changed since a plan was made (sda and sdb can trade places across a reboot): each old name of a
/// disk or of one of its planned partitions, mapped to its name now. Applied in one pass, so a swap stays a swap.
/// </summary>
public sealed class DiskRenames
{
    /// <summary>The partition number of a whole-disk array's member (<see cref="ArrayPlan.PartitionNumber"/>).</summary>
    public const int WholeDiskMember = 0;

    private readonly Dictionary<string, string> _map;
    private readonly Regex? _inText;
    private readonly Regex? _inArgument;

    private DiskRenames(Dictionary<string, string> map)
    {
        _map = map;
        if (map.Count == 0)
        {
            return;
        }

        // longest first, so /dev/sda1 is never taken for /dev/sda followed by "1"
        var names = string.Join('|', map.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape));
        _inText = new Regex($"(?<![A-Za-z0-9/_.-])(?:{names})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant);
        _inArgument = new Regex($"^(?<prefix>(?:[^=:]*[=:])?)(?<name>{names})$", RegexOptions.CultureInvariant);
    }

    /// <summary>The old name to the new one, for each disk and each of the plan's partitions on it that moved.</summary>
    public IReadOnlyDictionary<string, string> Map => _map;

    public bool IsEmpty => _map.Count == 0;

    /// <summary>The renames that put the plan's disks at <paramref name="sourceNow"/> and <paramref name="targetNow"/>.</summary>
    public static DiskRenames For(ConversionPlan plan, string sourceNow, string targetNow)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(map, plan.Source.Device, sourceNow, plan.Arrays.Select(a => (a.SourcePartition, a.PartitionNumber)));
        Add(map, plan.Target.Device, targetNow, plan.Arrays.Select(a => (a.TargetPartition, a.PartitionNumber)));
        return new DiskRenames(map);
    }

    /// <summary>
    /// One argv element: renamed when it IS a renamed device, or ends in one after an option's "=" or ":"
    /// (<c>--replicate=/dev/sdb</c>); any other text (a label, a file's content) is left alone.
    /// </summary>
    public string InArgument(string argument)
    {
        if (_inArgument is null)
        {
            return argument;
        }

        var m = _inArgument.Match(argument);
        return m.Success ? m.Groups["prefix"].Value + _map[m.Groups["name"].Value] : argument;
    }

    /// <summary>Prose (a title, a check's description): every whole device name in it.</summary>
    public string InText(string text) => _inText is null ? text : _inText.Replace(text, m => _map[m.Value]);

    /// <summary>"/dev/sda is now /dev/sdb, /dev/sdb is now /dev/sda" (disks only).</summary>
    public string Describe(ConversionPlan plan) =>
        string.Join(", ", new[] { plan.Source.Device, plan.Target.Device }.Where(_map.ContainsKey).Select(d => $"{d} is now {_map[d]}"));

    private static void Add(Dictionary<string, string> map, string disk, string now, IEnumerable<(string Partition, int Number)> partitions)
    {
        if (disk == now)
        {
            return;
        }

        map[disk] = now;
        foreach (var (partition, number) in partitions)
        {
            if (number == WholeDiskMember)
            {
                // a whole-disk array's member is the disk itself: every partition name of it moves with it
                foreach (var n in Enumerable.Range(1, 128))
                {
                    map[PlanContext.PartitionOf(disk, n)] = PlanContext.PartitionOf(now, n);
                }

                continue;
            }

            map[partition] = PlanContext.PartitionOf(now, number);
        }
    }
}
