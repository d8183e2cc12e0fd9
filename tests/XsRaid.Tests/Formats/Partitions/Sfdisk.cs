using System.Text.Json;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Partitions;

/// <summary>The real sfdisk (package fdisk): writes a dos label from a script, and reads one back as JSON.</summary>
internal static class Sfdisk
{
    /// <summary>Runs `sfdisk IMG &lt; script` (sfdisk reads its script on standard input only).</summary>
    public static void Apply(TempDir dir, string img, string script)
    {
        Tool.Require("sfdisk");
        var scriptFile = dir.File($"{Path.GetFileName(img)}.sfdisk");
        File.WriteAllText(scriptFile, script);
        Tool.Run("sh", "-c", "sfdisk --quiet \"$0\" < \"$1\"", img, scriptFile);
    }

    /// <summary>`sfdisk --json IMG`: the partitiontable object.</summary>
    public static SfdiskTable Json(string img)
    {
        using var doc = JsonDocument.Parse(Tool.Run("sfdisk", "--json", img).Stdout);
        var t = doc.RootElement.GetProperty("partitiontable");
        var parts = t.TryGetProperty("partitions", out var ps)
            ? ps.EnumerateArray().Select(p => new SfdiskPartition(
                p.GetProperty("node").GetString()!,
                p.GetProperty("start").GetInt64(),
                p.GetProperty("size").GetInt64(),
                p.GetProperty("type").GetString()!,
                p.TryGetProperty("bootable", out var b) && b.GetBoolean())).ToList()
            : [];
        return new SfdiskTable(t.GetProperty("label").GetString()!, t.GetProperty("id").GetString()!,
            t.GetProperty("sectorsize").GetInt32(), parts);
    }

    /// <summary>sfdisk's own type names: `sfdisk -T -X dos` lines "83  Linux".</summary>
    public static IReadOnlyDictionary<byte, string> TypeNames() =>
        Tool.Run("sfdisk", "-T", "-X", "dos").Stdout.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s*([0-9a-f]{1,2})  (.+)$"))
            .Where(m => m.Success)
            .ToDictionary(m => Convert.ToByte(m.Groups[1].Value, 16), m => m.Groups[2].Value.TrimEnd());
}

internal sealed record SfdiskPartition(string Node, long Start, long Size, string Type, bool Bootable)
{
    /// <summary>The partition number at the end of the node name ("m.img4" is 4).</summary>
    public int Number => int.Parse(
        System.Text.RegularExpressions.Regex.Match(Node, @"(\d+)$").Value, System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record SfdiskTable(string Label, string Id, int SectorSize, IReadOnlyList<SfdiskPartition> Partitions);
