using System.Globalization;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Collects probe sections (or snapshot-directory files) and builds the immutable snapshot. Every name that becomes
/// a path or a device (disk, partition, command, file) is checked by <see cref="SnapshotNames"/>, every size in
/// checked arithmetic: what fails is a problem description, never an exception or a wrapped number.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandCapture> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _sys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SnapshotPartition>> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CapturedRegion>> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private readonly List<string> _diskOrder = [];

    /// <summary>Adds one section; returns a problem description or null.</summary>
    public string? Add(string[] header, IReadOnlyList<string> body)
    {
        switch (header.FirstOrDefault())
        {
            case "meta":
                return AddPairs(_meta, body);
            case "tools":
                return AddPairs(_tools, body);
            case "byid":
                return AddPairs(_byId, body);
            case "file" when header.Length == 2:
                return AddFile(header[1], string.Join('\n', body) + (body.Count > 0 ? "\n" : ""));
            case "cmd" when header.Length == 3 && int.TryParse(header[2], CultureInfo.InvariantCulture, out var rc):
                return AddCommand(new CommandCapture(header[1], rc, string.Join('\n', body)));
            case "sys" when header.Length == 2:
                return AddDisk(header[1]) ?? AddPairs(_sys[header[1]], body) ?? CheckSys(header[1]);
            case "unreadable" when header.Length == 2:
                return AddUnreadable(header[1], string.Join(' ', body).Trim());
            case "part" when header.Length == 3:
                return AddPartition(header[1], header[2], body);
            case "hex" when header.Length == 5:
                return AddHex(header, body);
            default:
                return "unknown section kind";
        }
    }

    public string? AddSys(string disk, IReadOnlyDictionary<string, string> values)
    {
        if (AddDisk(disk) is { } problem)
        {
            return problem;
        }

        foreach (var (k, v) in values)
        {
            _sys[disk][k] = v;
        }

        return CheckSys(disk);
    }

    public string? AddFile(string path, string text)
    {
        var problem = SnapshotNames.FilePathProblem(path) ?? SnapshotNames.TextProblem(path, text);
        if (problem is null)
        {
            _files[path] = text;
        }

        return problem;
    }

    public string? AddCommand(CommandCapture capture)
    {
        var problem = SnapshotNames.CommandNameProblem(capture.Name) ?? SnapshotNames.TextProblem("command " + capture.Name, capture.Output);
        if (problem is null)
        {
            _commands[capture.Name] = capture;
        }

        return problem;
    }

    public string? AddUnreadable(string disk, string reason)
    {
        var problem = AddDisk(disk) ?? SnapshotNames.TextProblem("unreadable " + disk, reason);
        if (problem is null)
        {
            _unreadable[disk] = reason;
        }

        return problem;
    }

    public string? AddRegion(string disk, CapturedRegion region)
    {
        if (AddDisk(disk) is { } problem)
        {
            return problem;
        }

        if (region.Offset > long.MaxValue - region.Bytes.Length)
        {
            return $"bytes at offset {region.Offset} end beyond 2^63";
        }

        _regions[disk].Add(region);
        return null;
    }

    public string? AddPartitionRecord(string disk, SnapshotPartition partition)
    {
        var problem = AddDisk(disk) ?? SnapshotNames.DeviceNameProblem(partition.Name);
        if (problem is not null)
        {
            return problem;
        }

        if (partition.StartSector > MaxSectors || partition.SizeSectors > MaxSectors - partition.StartSector)
        {
            return $"partition {partition.Name} (start {partition.StartSector}, size {partition.SizeSectors} sectors) ends beyond 2^63 bytes";
        }

        _parts[disk].Add(partition);
        return null;
    }

    public string? AddPairs(string section, IEnumerable<string> lines) =>
        AddPairs(section switch
        {
            "meta" => _meta,
            "tools" => _tools,
            "byid" => _byId,
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        }, lines);

    /// <param name="source">What the snapshot was read from, named in the error.</param>
    public ReadResult<HostSnapshot> Build(string source)
    {
        foreach (var (name, target) in _byId)
        {
            if (SnapshotNames.ByIdProblem(name, target) is { } problem)
            {
                return FormatError.Corrupt(source, problem);
            }
        }

        var disks = _diskOrder.Select(BuildDisk).ToList();
        return new HostSnapshot(_meta, _files, _tools, _byId, disks, _commands);
    }

    /// <summary>The most 512-byte sectors whose byte count fits a signed 64-bit number.</summary>
    private const long MaxSectors = long.MaxValue / 512;

    private string? CheckSys(string disk)
    {
        var sys = _sys[disk];
        if (Long(sys, "size") > MaxSectors)
        {
            return $"disk {disk} has size={ProbeOutputParser.Clip(sys["size"].Trim())} sectors: more bytes than 2^63";
        }

        foreach (var key in new[] { "queue/logical_block_size", "queue/physical_block_size" })
        {
            if (Long(sys, key) > MaxSectorSize)
            {
                return $"disk {disk} has {key}={ProbeOutputParser.Clip(sys[key].Trim())}: more than {MaxSectorSize} bytes";
            }
        }

        return null;
    }

    private const long MaxSectorSize = 65536;

    private SnapshotDisk BuildDisk(string name)
    {
        var sys = _sys.GetValueOrDefault(name) ?? [];
        var byId = _byId.Where(kv => kv.Value.EndsWith("/" + name, StringComparison.Ordinal))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        return new SnapshotDisk(
            name,
            Long(sys, "size") * 512,
            (int)Math.Max(512, Long(sys, "queue/logical_block_size")),
            (int)Math.Max(512, Long(sys, "queue/physical_block_size")),
            Long(sys, "queue/rotational") == 1,
            Long(sys, "removable") == 1,
            sys.GetValueOrDefault("device/model")?.Trim(),
            sys.GetValueOrDefault("device/vendor")?.Trim(),
            (sys.GetValueOrDefault("device/serial") ?? sys.GetValueOrDefault("serial"))?.Trim(),
            (sys.GetValueOrDefault("device/wwid") ?? sys.GetValueOrDefault("wwid"))?.Trim(),
            byId,
            [.. _parts[name].OrderBy(p => p.Number)],
            _regions[name],
            _unreadable.GetValueOrDefault(name));
    }

    private static long Long(Dictionary<string, string> sys, string key) =>
        ProbeOutputParser.TryLong(sys.GetValueOrDefault(key, "").Trim(), out var v) ? v : 0;

    private string? AddDisk(string name)
    {
        if (!_sys.ContainsKey(name))
        {
            if (SnapshotNames.DeviceNameProblem(name) is { } problem)
            {
                return problem;
            }

            _sys[name] = new(StringComparer.Ordinal);
            _parts[name] = [];
            _regions[name] = [];
            _diskOrder.Add(name);
        }

        return null;
    }

    private string? AddPartition(string disk, string part, IReadOnlyList<string> body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        AddPairs(values, body);
        if (!int.TryParse(values.GetValueOrDefault("partition"), CultureInfo.InvariantCulture, out var number)
            || !ProbeOutputParser.TryLong(values.GetValueOrDefault("start", ""), out var start)
            || !ProbeOutputParser.TryLong(values.GetValueOrDefault("size", ""), out var size))
        {
            return "partition needs numeric partition=, start= and size=";
        }

        return AddPartitionRecord(disk, new SnapshotPartition(part, number, start, size));
    }

    private string? AddHex(string[] header, IReadOnlyList<string> body)
    {
        var label = header[1];
        if (!ProbeOutputParser.TryLong(header[3], out var offset) || !ProbeOutputParser.TryLong(header[4], out var length))
        {
            return "offset and length must be numbers";
        }

        var disk = _sys.ContainsKey(label) ? label : _parts.FirstOrDefault(kv => kv.Value.Any(p => p.Name == label)).Key;
        if (disk is null)
        {
            return $"bytes of '{label}', which is neither a disk nor a partition seen before";
        }

        if (length > InputLimits.RegionBytes)
        {
            return $"{length} bytes announced, more than the limit of {InputLimits.Describe(InputLimits.RegionBytes)} for a region";
        }

        var bytes = HexLines.Decode(body, length);
        if (bytes is null)
        {
            return "the hex dump has a character that is not a hex byte";
        }

        return AddRegion(disk, new CapturedRegion(offset, bytes));
    }

    private static string? AddPairs(Dictionary<string, string> target, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                return $"line '{ProbeOutputParser.Clip(line)}' holds a NUL byte";
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                target[line[..eq]] = line[(eq + 1)..];
            }
        }

        return null;
    }
}
