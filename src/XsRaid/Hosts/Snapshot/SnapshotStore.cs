using System.Globalization;
using System.IO.Compression;
using System.Text;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Saves a snapshot as a directory of plain files a person can read, and loads it back:
/// meta.txt, tools.txt, by-id.txt (key=value); files/&lt;absolute path&gt;; commands/NAME.txt (first line "exit=N");
/// disks/DISK/sys.txt, partitions.txt ("name number start size", 512-byte units), unreadable.txt, and
/// regions.txt ("offset length file") with the captured bytes in raw .bin (or gzip .bin.gz) files.
/// </summary>
public static class SnapshotStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Saves as a whole (a temporary directory renamed into place, see <see cref="AtomicDirectory"/>); returns why
    /// not, or null when saved.
    /// </summary>
    /// <param name="snapshot">What to save.</param>
    /// <param name="directory">New or empty; an existing snapshot there is replaced only with <paramref name="replace"/>.</param>
    /// <param name="compressRegions">Write the captured bytes gzip-compressed (.bin.gz), as the built-in samples are.</param>
    /// <param name="replace">Replace an existing snapshot (a directory holding meta.txt) as a whole.</param>
    public static SaveProblem? Save(HostSnapshot snapshot, string directory, bool compressRegions = false, bool replace = false) =>
        AtomicDirectory.Write(directory, replace, IsSnapshot, AnySnapshot, temp => WriteInto(snapshot, temp, compressRegions));

    /// <summary>What <see cref="Save"/> would refuse for <paramref name="directory"/>, before probing a host.</summary>
    public static SaveProblem? CheckSaveTarget(string directory, bool replace) =>
        AtomicDirectory.Check(directory, replace, IsSnapshot, AnySnapshot);

    private const string AnySnapshot = "an xsraid snapshot";

    private static bool IsSnapshot(string dir) => File.Exists(Path.Combine(dir, "meta.txt"));

    private static void WriteInto(HostSnapshot snapshot, string directory, bool compressRegions)
    {
        Write(directory, "README.txt",
            "xsraid host snapshot: what one probe saw on a host, read-only. Load it with --snapshot DIR.\n" +
            "files/ holds copies of the host's text files; disks/*/regions.txt lists the captured bytes.\n");
        Write(directory, "meta.txt", Pairs(snapshot.Meta));
        Write(directory, "tools.txt", Pairs(snapshot.Tools));
        Write(directory, "by-id.txt", Pairs(snapshot.ByIdLinks));
        foreach (var (path, text) in snapshot.Files)
        {
            Write(directory, "files/" + path.TrimStart('/'), text);
        }

        foreach (var command in snapshot.Commands.Values)
        {
            Write(directory, $"commands/{command.Name}.txt", $"exit={command.ExitCode}\n{command.Output}");
        }

        foreach (var disk in snapshot.Disks)
        {
            SaveDisk(directory, disk, compressRegions);
        }
    }

    public static ReadResult<HostSnapshot> Load(IFileTree tree)
    {
        try
        {
            return LoadOrThrow(tree);
        }
        catch (SnapshotProblem problem)
        {
            return problem.Error;
        }
    }

    private static ReadResult<HostSnapshot> LoadOrThrow(IFileTree tree)
    {
        var meta = tree.ReadBytes("meta.txt");
        if (!meta.IsOk && meta.Error.Kind == FormatErrorKind.NotPresent)
        {
            return FormatError.NotPresent(tree.Name, "is not an xsraid snapshot (no meta.txt): make one with `xsraid snapshot --save DIR`");
        }

        var budget = new LoadBudget(tree.Name);
        var builder = new SnapshotBuilder();
        Check(tree, "meta.txt", builder.AddPairs("meta", Lines(tree, "meta.txt")));
        Check(tree, "tools.txt", builder.AddPairs("tools", Lines(tree, "tools.txt")));
        Check(tree, "by-id.txt", builder.AddPairs("byid", Lines(tree, "by-id.txt")));
        foreach (var file in tree.List("files/"))
        {
            Check(tree, file, builder.AddFile("/" + file["files/".Length..], Text(tree, file)));
        }

        foreach (var file in tree.List("commands/").Where(f => f.EndsWith(".txt", StringComparison.Ordinal)))
        {
            var text = Text(tree, file);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            var first = newline < 0 ? text : text[..newline];
            if (!first.StartsWith("exit=", StringComparison.Ordinal) || !int.TryParse(first[5..], CultureInfo.InvariantCulture, out var rc))
            {
                return FormatError.Corrupt(tree.Name, $"{file}: the first line must be exit=N");
            }

            var name = Path.GetFileNameWithoutExtension(file);
            Check(tree, file, builder.AddCommand(new CommandCapture(name, rc, newline < 0 ? "" : text[(newline + 1)..])));
        }

        var diskNames = tree.List("disks/").Select(f => f.Split('/')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var disk in diskNames)
        {
            var problem = LoadDisk(tree, disk, builder, budget);
            if (problem is not null)
            {
                return FormatError.Corrupt(tree.Name, $"disks/{disk}: {problem}");
            }
        }

        return builder.Build(tree.Name);
    }

    private static void SaveDisk(string directory, SnapshotDisk disk, bool compress)
    {
        var dir = $"disks/{disk.Name}/";
        var sys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["size"] = (disk.SizeBytes / 512).ToString(CultureInfo.InvariantCulture),
            ["queue/logical_block_size"] = disk.LogicalSectorSize.ToString(CultureInfo.InvariantCulture),
            ["queue/physical_block_size"] = disk.PhysicalSectorSize.ToString(CultureInfo.InvariantCulture),
            ["queue/rotational"] = disk.Rotational ? "1" : "0",
            ["removable"] = disk.Removable ? "1" : "0",
        };
        AddIf(sys, "device/model", disk.Model);
        AddIf(sys, "device/vendor", disk.Vendor);
        AddIf(sys, "device/serial", disk.Serial);
        AddIf(sys, "device/wwid", disk.Wwid);
        Write(directory, dir + "sys.txt", Pairs(sys));
        Write(directory, dir + "partitions.txt", string.Concat(disk.Partitions.Select(p =>
            FormattableString.Invariant($"{p.Name} {p.Number} {p.StartSector} {p.SizeSectors}\n"))));
        if (disk.UnreadableReason is not null)
        {
            Write(directory, dir + "unreadable.txt", disk.UnreadableReason + "\n");
        }

        var index = new StringBuilder();
        foreach (var region in disk.Regions.OrderBy(r => r.Offset))
        {
            var file = FormattableString.Invariant($"bytes-{region.Offset}.bin") + (compress ? ".gz" : "");
            index.Append(CultureInfo.InvariantCulture, $"{region.Offset} {region.Bytes.Length} {file}\n");
            var path = Path.Combine(directory, dir, file);
            File.WriteAllBytes(path, compress ? Gzip(region.Bytes.Span) : region.Bytes.ToArray());
        }

        Write(directory, dir + "regions.txt", index.ToString());
    }

    private static string? LoadDisk(IFileTree tree, string disk, SnapshotBuilder builder, LoadBudget budget)
    {
        var dir = $"disks/{disk}/";
        var sys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(tree, dir + "sys.txt"))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                sys[line[..eq]] = line[(eq + 1)..];
            }
        }

        var problem = builder.AddSys(disk, sys);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var line in Lines(tree, dir + "partitions.txt"))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 4 || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var number)
                || !ProbeOutputParser.TryLong(f[2], out var start) || !ProbeOutputParser.TryLong(f[3], out var size))
            {
                return $"partitions.txt line '{ProbeOutputParser.Clip(line)}' is not 'name number start size'";
            }

            problem = builder.AddPartitionRecord(disk, new SnapshotPartition(f[0], number, start, size));
            if (problem is not null)
            {
                return problem;
            }
        }

        if (Optional(tree, dir + "unreadable.txt") is { } reason)
        {
            builder.AddUnreadable(disk, Utf8.GetString(reason).Trim());
        }

        foreach (var line in Lines(tree, dir + "regions.txt"))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3 || !ProbeOutputParser.TryLong(f[0], out var offset) || !ProbeOutputParser.TryLong(f[1], out var length))
            {
                return $"regions.txt line '{ProbeOutputParser.Clip(line)}' is not 'offset length file'";
            }

            if (!DirectoryFileTree.IsInside(f[2]) || f[2].Contains('/', StringComparison.Ordinal))
            {
                return $"regions.txt names '{ProbeOutputParser.Clip(f[2])}': a region file is a plain name in the disk's directory";
            }

            if (length > InputLimits.RegionBytes)
            {
                return $"regions.txt gives {f[2]} {length} bytes, more than the limit of {InputLimits.Describe(InputLimits.RegionBytes)} for a region";
            }

            var bytes = Optional(tree, dir + f[2]);
            if (bytes is not null && f[2].EndsWith(".gz", StringComparison.Ordinal))
            {
                var unpacked = Gunzip(bytes, (int)length);
                if (!unpacked.IsOk)
                {
                    return $"{f[2]}: {unpacked.Error.Problem}";
                }

                bytes = unpacked.Value;
            }

            if (bytes is null || bytes.Length != length)
            {
                return $"{f[2]} is missing or not {length} bytes long";
            }

            budget.Add(bytes.Length);
            problem = builder.AddRegion(disk, new CapturedRegion(offset, bytes));
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static byte[] Gzip(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Exactly <paramref name="length"/> bytes out of gzip data, never more: data that decompresses to more (a gzip
    /// bomb), is not gzip, or ends early is an error, and at most <paramref name="length"/> bytes are ever held.
    /// </summary>
    private static ReadResult<byte[]> Gunzip(byte[] bytes, int length)
    {
        var output = new byte[length];
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var done = 0;
            while (done < length)
            {
                var n = gz.Read(output, done, length - done);
                if (n == 0)
                {
                    return FormatError.Truncated("gzip", $"decompresses to {done} bytes, not the {length} regions.txt gives");
                }

                done += n;
            }

            if (gz.ReadByte() >= 0)
            {
                return FormatError.Corrupt("gzip", $"decompresses to more than the {length} bytes regions.txt gives (read no further)");
            }
        }
        catch (InvalidDataException e)
        {
            return FormatError.Corrupt("gzip", $"is not valid gzip data ({e.Message})");
        }

        return output;
    }

    private static void AddIf(Dictionary<string, string> map, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            map[key] = value;
        }
    }

    private static string Pairs(IReadOnlyDictionary<string, string> pairs) =>
        string.Concat(pairs.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}\n"));

    private static string Text(IFileTree tree, string file) => Utf8.GetString(Optional(tree, file) ?? []);

    /// <summary>The file's bytes, null when it is absent; any other problem ends the load.</summary>
    private static byte[]? Optional(IFileTree tree, string file)
    {
        var read = tree.ReadBytes(file);
        if (read.IsOk)
        {
            return read.Value;
        }

        if (read.Error.Kind == FormatErrorKind.NotPresent && read.Error.Structure == tree.Name)
        {
            return null;
        }

        throw new SnapshotProblem(read.Error);
    }

    private static void Check(IFileTree tree, string file, string? problem)
    {
        if (problem is not null)
        {
            throw new SnapshotProblem(FormatError.Corrupt(tree.Name, $"{file}: {problem}"));
        }
    }

    private static IEnumerable<string> Lines(IFileTree tree, string file) =>
        Text(tree, file).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    private static void Write(string directory, string relative, string text)
    {
        if (!DirectoryFileTree.IsInside(relative))
        {
            throw new IOException($"'{relative}' is not a path inside the snapshot directory");
        }

        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    /// <summary>Ends a load with a typed error (thrown inside <see cref="Load"/> only, caught at its boundary).</summary>
    private sealed class SnapshotProblem(FormatError error) : Exception(error.ToString())
    {
        public FormatError Error { get; } = error;
    }

    /// <summary>Counts the decompressed bytes of a load against <see cref="InputLimits.SnapshotTotalBytes"/>.</summary>
    private sealed class LoadBudget(string name)
    {
        private long _bytes;

        public void Add(long bytes)
        {
            _bytes += bytes;
            if (_bytes > InputLimits.SnapshotTotalBytes)
            {
                throw new SnapshotProblem(new FormatError(name, FormatErrorKind.IoError,
                    $"decompresses to more than the limit of {InputLimits.Describe(InputLimits.SnapshotTotalBytes)} for a whole snapshot"));
            }
        }
    }
}
