namespace XsRaid.Hosts.Parsers;

/// <summary>One row of /proc/swaps; sizes in KiB. XenServer 6.x swaps to a file, /var/swap/swap.001.</summary>
public sealed record SwapEntry(string Filename, string Type, long SizeKiB, long UsedKiB, int Priority);
