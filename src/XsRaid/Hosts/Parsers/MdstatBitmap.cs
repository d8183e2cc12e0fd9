namespace XsRaid.Hosts.Parsers;

/// <summary>The "bitmap: 0/1 pages [0KB], 65536KB chunk[, file: /path]" line of an array.</summary>
public sealed record MdstatBitmap(long PagesInMemory, long Pages, long MemoryKiB, long ChunkBytes, string? File);
