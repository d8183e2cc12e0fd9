using System.Numerics;
using XsRaid.Devices;
using XsRaid.Formats.Mbr;

namespace XsRaid.Formats.Gpt;

/// <summary>
/// Reads a GPT from a disk: LBA 0-1, the primary entry array, the backup header (at the primary's alternate LBA,
/// else the last LBA) and its entry array; nothing else. LBAs are in the source's logical sectors. Damage that
/// leaves one good copy is a finding; the result is an error only when no copy can be used.
/// </summary>
public static class GptReader
{
    private const string Structure = "GPT";
    private const int MaxSectorSize = 65536;

    public static ReadResult<GptPartitionTable> Read(IBlockSource disk)
    {
        var ss = disk.LogicalSectorSize;
        if (ss < MbrConstants.SectorLength || ss > MaxSectorSize || !BitOperations.IsPow2(ss))
        {
            return new FormatError(Structure, FormatErrorKind.Unsupported, $"logical sector size {ss} is not a power of two in 512..{MaxSectorSize}");
        }

        var sectors = disk.Length / ss;
        if (sectors < 2)
        {
            return FormatError.Truncated(Structure, $"the device has {disk.Length} bytes: too small for a GPT header at LBA 1 ({2 * ss} bytes)", disk.Length);
        }

        var head = disk.Read(0, 2 * ss);
        if (!head.IsOk)
        {
            return head.Error;
        }

        var findings = new List<string>();
        var primary = GptCopy.FromHeaderSector(disk, head.Value.AsSpan(ss, ss), 1, "primary");
        var backup = ReadBackup(disk, primary, sectors - 1, findings);
        var inUse = Choose(primary, backup);
        if (inUse is null)
        {
            return NoUsableCopy(primary, backup);
        }

        GptConsistencyChecker.AddFindings(primary, backup, inUse, sectors, ss, findings);
        findings.AddRange(ProtectiveMbrChecker.Check(MasterBootRecordReader.Parse(head.Value), sectors));
        var header = inUse.Header!;
        var (entries, entryFindings) = GptPartitionEntryReader.Parse(
            inUse.Entries!, header.PartitionEntryCount, header.PartitionEntrySize, ss);
        findings.AddRange(entryFindings);
        findings.AddRange(GptLayoutChecker.Check(entries, header, sectors));

        return new GptPartitionTable(
            primary.Header, backup.Header, header.DiskGuid, entries, findings, header,
            new GptIntegrity(primary.Header is not null, primary.EntriesValid, backup.Header is not null, backup.EntriesValid),
            ss);
    }

    /// <summary>The backup at the primary's alternate LBA if that is on the device, else (or if not found) the last LBA.</summary>
    private static GptCopy ReadBackup(IBlockSource disk, GptCopy primary, long lastLba, List<string> findings)
    {
        var candidates = new List<long>();
        if (primary.Header is { } p)
        {
            if (p.AlternateLba != lastLba)
            {
                findings.Add($"the primary header's alternate LBA {p.AlternateLba} is not the device's last LBA {lastLba} " +
                    "(the device was resized or the image truncated)");
            }

            if (p.AlternateLba > 1 && p.AlternateLba <= lastLba)
            {
                candidates.Add(p.AlternateLba);
            }
        }

        if (lastLba > 1 && !candidates.Contains(lastLba))
        {
            candidates.Add(lastLba);
        }

        if (candidates.Count == 0)
        {
            return new GptCopy("backup", lastLba, null, FormatError.Truncated(Structure, "the device has no sector for a backup header after LBA 1"), null, null);
        }

        GptCopy? first = null;
        foreach (var lba in candidates)
        {
            var copy = GptCopy.Read(disk, lba, "backup");
            if (copy.Header is not null)
            {
                return copy;
            }

            first ??= copy;
        }

        return first!;
    }

    /// <summary>A copy whose header and entries are good; else one whose header is good and entries were read.</summary>
    private static GptCopy? Choose(GptCopy primary, GptCopy backup)
    {
        GptCopy[] order = [primary, backup];
        return order.FirstOrDefault(c => c.EntriesValid) ?? order.FirstOrDefault(c => c.Header is not null && c.Entries is not null);
    }

    private static FormatError NoUsableCopy(GptCopy primary, GptCopy backup)
    {
        if (primary.HeaderMissing && (backup.HeaderMissing || backup.HeaderError?.Kind == FormatErrorKind.Truncated))
        {
            return FormatError.NotPresent(Structure, $"no \"EFI PART\" header at LBA 1 nor at LBA {backup.Lba}");
        }

        if (primary.HeaderError?.Kind == FormatErrorKind.IoError)
        {
            return primary.HeaderError;
        }

        if (primary.DeviceTooSmall || backup.DeviceTooSmall)
        {
            return FormatError.Truncated(Structure, $"the device ends before the GPT does: primary: {Describe(primary)}; backup: {Describe(backup)}");
        }

        return FormatError.Corrupt(Structure, $"no usable copy: primary: {Describe(primary)}; backup: {Describe(backup)}");
    }

    internal static string Describe(GptCopy copy) =>
        copy.HeaderError?.Problem ?? copy.EntriesProblem ?? "good";
}
