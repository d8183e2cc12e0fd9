using System.Globalization;

namespace XsRaid.Hosts.Snapshot;

/// <summary>Collects probe sections (or snapshot-directory files) and builds the immutable snapshot.</summary>
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
                AddPairs(_meta, body);
                return null;
            case "tools":
                AddPairs(_tools, body);
                return null;
            case "byid":
                AddPairs(_byId, body);
                return null;
            case "file" when header.Length == 2:
                _files[header[1]] = string.Join('\n', body) + (body.Count > 0 ? "\n" : "");
                return null;
            case "cmd" when header.Length == 3 && int.TryParse(header[2], CultureInfo.InvariantCulture, out var rc):
                _commands[header[1]] = new CommandCapture(header[1], rc, string.Join('\n', body));
                return null;
            case "sys" when header.Length == 2:
                AddDisk(header[1]);
                AddPairs(_sys[header[1]], body);
                return null;
            case "unreadable" when header.Length == 2:
                AddDisk(header[1]);
                _unreadable[header[1]] = string.Join(' ', body).Trim();
                return null;
            case "part" when header.Length == 3:
                return AddPartition(header[1], header[2], body);
            case "hex" when header.Length == 5:
                return AddHex(header, body);
            default:
                return "unknown section kind";
        }
    }

    public void AddSys(string disk, IReadOnlyDictionary<string, string> values)
    {
        AddDisk(disk);
        foreach (var (k, v) in values)
        {
            _sys[disk][k] = v;
        }
    }

    public void AddFile(string path, string text) => _files[path] = text;

    public void AddCommand(CommandCapture capture) => _commands[capture.Name] = capture;

    public void AddUnreadable(string disk, string reason)
    {
        AddDisk(disk);
        _unreadable[disk] = reason;
    }

    public void AddRegion(string disk, CapturedRegion region)
    {
        AddDisk(disk);
        _regions[disk].Add(region);
    }

    public void AddPartitionRecord(string disk, SnapshotPartition partition)
    {
        AddDisk(disk);
        _parts[disk].Add(partition);
    }

    public void AddPairs(string section, IEnumerable<string> lines) =>
        AddPairs(section switch
        {
            "meta" => _meta,
            "tools" => _tools,
            "byid" => _byId,
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        }, lines);

    public HostSnapshot Build()
    {
        var disks = _diskOrder.Select(BuildDisk).ToList();
        return new HostSnapshot(_meta, _files, _tools, _byId, disks, _commands);
    }

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

    private void AddDisk(string name)
    {
        if (!_sys.ContainsKey(name))
        {
            _sys[name] = new(StringComparer.Ordinal);
            _parts[name] = [];
            _regions[name] = [];
            _diskOrder.Add(name);
        }
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

        AddPartitionRecord(disk, new SnapshotPartition(part, number, start, size));
        return null;
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

        var bytes = HexLines.Decode(body, length);
        if (bytes is null)
        {
            return "the hex dump has a character that is not a hex byte";
        }

        AddRegion(disk, new CapturedRegion(offset, bytes));
        return null;
    }

    private static void AddPairs(Dictionary<string, string> target, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                target[line[..eq]] = line[(eq + 1)..];
            }
        }
    }
}
