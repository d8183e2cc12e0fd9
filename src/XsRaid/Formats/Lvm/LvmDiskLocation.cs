namespace XsRaid.Formats.Lvm;

/// <summary>A disk_locn of the pv_header: a byte offset from the start of the PV and a size (0 = to the end).</summary>
public sealed record LvmDiskLocation(ulong Offset, ulong Size);
